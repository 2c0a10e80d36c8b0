/**
 * Where the `state-file` input points: a path relative to the workspace (`GITHUB_WORKSPACE`), which
 * must stay inside it, symbolic links of its directories included, so that a state file can neither
 * read nor overwrite anything the workflow did not put in the workspace.
 */
import * as nodeFs from 'node:fs'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'

/** The file system calls this module makes (Node's by default; tests pass fakes). */
export interface PathFs {
  realpathSync(path: string): string
}

/** Whether `path` is `root` or lies under it (both absolute and normalised). */
function inside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

/** The real path of the nearest directory of `path` that exists (`path` itself excluded). */
function nearestRealDirectory(path: string, fs: PathFs): string | undefined {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    try {
      return fs.realpathSync(dir)
    } catch {
      // Not there yet: it will be created, inside whatever its nearest existing ancestor is.
    }
    if (dirname(dir) === dir) return undefined
  }
}

/**
 * The absolute path of the state file, or why it may not be used (a sentence to follow the input's
 * name). The file itself may be missing, and so may its directories (they are created when it is
 * written); a symbolic link at the file itself is never followed (see `state.ts`).
 */
export function resolveStatePath(
  input: string,
  workspace: string,
  fs: PathFs = nodeFs
): { path: string } | { problem: string } {
  const root = resolve(workspace)
  const path = resolve(root, input)
  const outside = { problem: `must be a file inside the workspace ${root} (got '${input}')` }
  if (!inside(root, path) || path === root) return outside
  let realRoot: string
  try {
    realRoot = fs.realpathSync(root)
  } catch {
    return { problem: `needs the workspace ${root}, which does not exist` }
  }
  const dir = nearestRealDirectory(path, fs)
  if (dir === undefined || !inside(realRoot, dir)) {
    return { problem: `must be a file inside the workspace: a directory of '${input}' leads outside it` }
  }
  return { path }
}
