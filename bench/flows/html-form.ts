/** A form found in an HTML page, reduced to what a browser would submit. */
export interface HtmlForm {
  action: string;
  method: 'GET' | 'POST';
  /** Hidden and pre-filled inputs, in document order. */
  fields: [string, string][];
  /** Names of every input (to recognise a login form). */
  inputNames: Set<string>;
  /** `name=value` of every submit button. */
  buttons: [string, string][];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the HTML character references an escaped attribute value can contain. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([a-zA-Z_:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    found.set(match[1]!.toLowerCase(), decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return found;
}

/** Every `<form>` of the page with its inputs and buttons (regex-level: the pages are ours). */
export function parseForms(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const formAttributes = attributes(match[1] ?? '');
    const inner = match[2] ?? '';
    const form: HtmlForm = {
      action: formAttributes.get('action') ?? '',
      method: (formAttributes.get('method') ?? 'GET').toUpperCase() === 'POST' ? 'POST' : 'GET',
      fields: [],
      inputNames: new Set(),
      buttons: [],
    };
    for (const input of inner.matchAll(/<input\b([^>]*)>/gi)) {
      const attrs = attributes(input[1] ?? '');
      const name = attrs.get('name');
      if (!name) continue;
      form.inputNames.add(name);
      const type = (attrs.get('type') ?? 'text').toLowerCase();
      if (type === 'submit') form.buttons.push([name, attrs.get('value') ?? '']);
      else if (type !== 'checkbox' || attrs.has('checked')) {
        form.fields.push([name, attrs.get('value') ?? '']);
      }
    }
    for (const button of inner.matchAll(/<button\b([^>]*)>/gi)) {
      const attrs = attributes(button[1] ?? '');
      const name = attrs.get('name');
      if (name) form.buttons.push([name, attrs.get('value') ?? '']);
    }
    forms.push(form);
  }
  return forms;
}
