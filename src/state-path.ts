/**
 * Where the `state-file` input points: a path relative to the workspace (`GITHUB_WORKSPACE`), which
 * must stay inside it, symbolic links of its directories included, so that a state file can neither
 * read nor overwrite anything the workflow did not put in the workspace. The path itself is judged as
 * written ({@link resolveStatePath}: an input error when it leads outside); the directories on disk when
 * the file is read and written ({@link outsideProblem}: the state is then not used, the check goes on).
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
 * The absolute path of the state file, as written, or why it may not be used (a sentence to follow the
 * input's name): it must name a file inside the workspace.
 */
export function resolveStatePath(input: string, workspace: string): { path: string } | { problem: string } {
  const root = resolve(workspace)
  const path = resolve(root, input)
  if (!inside(root, path) || path === root) {
    return { problem: `must be a file inside the workspace ${root} (got '${input}')` }
  }
  return { path }
}

/**
 * Why the directories of `path` (inside `workspace` as written) lead outside the workspace on disk,
 * through a symbolic link, or undefined when they do not. The file and its directories may be missing
 * (they are created when it is written); a symbolic link at the file itself is never followed (see
 * `state.ts`).
 */
export function outsideProblem(path: string, workspace: string, fs: PathFs = nodeFs): string | undefined {
  let realRoot: string
  try {
    realRoot = fs.realpathSync(resolve(workspace))
  } catch {
    return `the workspace ${resolve(workspace)} does not exist`
  }
  const dir = nearestRealDirectory(path, fs)
  return dir !== undefined && inside(realRoot, dir) ? undefined : 'a directory of its path leads outside the workspace'
}
