import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';

/** The machine the run happened on, for the report header. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  kernel: string;
}

/** Reads the CPU model, logical core count, memory, Node and kernel versions. */
export function machineInfo(): MachineInfo {
  const list = cpus();
  let model = list[0]?.model ?? 'unknown';
  if (model === 'unknown' || model.trim() === '') {
    const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
    model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? 'unknown';
  }
  return {
    cpuModel: model.trim(),
    cores: list.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    kernel: `Linux ${release()}`,
  };
}
