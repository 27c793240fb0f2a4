/** One control of an HTML form: an input or a button. */
export interface FormControl {
  tag: 'input' | 'button' | 'textarea' | 'select';
  name: string;
  value: string;
  type: string;
  /** For checkboxes and radio buttons: whether the control is checked. */
  checked: boolean;
}

/** An HTML form as a browser would submit it. */
export interface HtmlForm {
  action: string;
  method: string;
  controls: FormControl[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references that appear in attribute values. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) {
      return String.fromCodePoint(parseInt(ref.slice(2), 16));
    }
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Reads the attributes of one start tag. */
export function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  const pattern = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const body = tag.replace(/^<\s*[a-zA-Z]+/, '').replace(/\/?>$/, '');
  for (const match of body.matchAll(pattern)) {
    const name = match[1]!.toLowerCase();
    result[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return result;
}

function controlsOf(html: string): FormControl[] {
  const controls: FormControl[] = [];
  for (const match of html.matchAll(/<(input|button|textarea|select)\b[^>]*>/gi)) {
    const tag = match[1]!.toLowerCase() as FormControl['tag'];
    const attrs = attributes(match[0]);
    if (attrs.name === undefined) continue;
    let value = attrs.value ?? '';
    if (tag === 'textarea') {
      const rest = html.slice(match.index + match[0].length);
      value = decodeEntities(rest.slice(0, Math.max(0, rest.search(/<\/textarea>/i))));
    }
    const type = (attrs.type ?? (tag === 'button' ? 'submit' : 'text')).toLowerCase();
    controls.push({ tag, name: attrs.name, value, type, checked: attrs.checked !== undefined });
  }
  return controls;
}

/** Every form of an HTML page, with its controls (inputs, buttons, textareas). */
export function parseForms(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const match of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/gi)) {
    const open = /<form\b[^>]*>/i.exec(match[0])![0];
    const attrs = attributes(open);
    forms.push({
      action: attrs.action ?? '',
      method: (attrs.method ?? 'get').toLowerCase(),
      controls: controlsOf(match[1] ?? ''),
    });
  }
  return forms;
}

/** The `lang` of the page's html element, if any. */
export function pageLanguage(html: string): string | undefined {
  const open = /<html\b[^>]*>/i.exec(html);
  return open ? attributes(open[0]).lang : undefined;
}
