// In-memory trees for pipeline tests.
import type { Changes, Tree } from '../../src/changes/tree.js'

export function memoryTree(files: Record<string, string | Uint8Array>, label = 'memory'): Tree {
  const bytes = (v: string | Uint8Array) => (typeof v === 'string' ? new TextEncoder().encode(v) : v)
  return {
    label,
    list: async () => Object.keys(files).sort(),
    size: async (path) => (Object.hasOwn(files, path) ? bytes(files[path]).length : undefined),
    read: async (path) => (Object.hasOwn(files, path) ? bytes(files[path]) : undefined),
  }
}

export function memoryChanges(base: Record<string, string | Uint8Array>, head: Record<string, string | Uint8Array>): Changes {
  const same = (a: string | Uint8Array | undefined, b: string | Uint8Array | undefined) =>
    a === undefined || b === undefined ? a === b : Buffer.from(a).equals(Buffer.from(b))
  return {
    base: memoryTree(base, 'base'),
    head: memoryTree(head, 'head'),
    description: 'base → head',
    changed: async (path) => !same(base[path], head[path]),
  }
}
