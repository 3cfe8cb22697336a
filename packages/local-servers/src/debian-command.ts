import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The path of `binary` on PATH, or null. */
export function onPath(binary: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

export interface CommandSource {
  /** The command, e.g. `nats-server`. */
  binary: string;
  /** The Debian package that has it, e.g. `nats-server`, `kubernetes-client`. */
  debianPackage: string;
  /** What to tell someone who must get it themselves (every other way to have it). */
  help: string;
}

/**
 * Finds a command the project starts for itself. On a Debian machine where it
 * is missing and we are root, installs Debian's package (and says so, waiting
 * for another apt run rather than failing on its lock, updating the package
 * lists once if the first try fails); elsewhere stops with `help`.
 */
export function ensureCommand(source: CommandSource, log: (line: string) => void = console.log): string {
  const found = onPath(source.binary);
  if (found) return found;
  const debian = existsSync('/etc/debian_version') && onPath('apt-get') !== null;
  if (debian && process.getuid?.() === 0) {
    log(
      `${source.binary} is missing: installing the Debian package ${source.debianPackage} with apt-get (root, Debian)...`,
    );
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const install = ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '-q', source.debianPackage];
    let result = spawnSync('apt-get', install, { stdio: 'inherit', env });
    if (result.status !== 0) {
      spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'update', '-q'], { stdio: 'inherit', env });
      result = spawnSync('apt-get', install, { stdio: 'inherit', env });
    }
    const installed = onPath(source.binary);
    if (result.status === 0 && installed) {
      log(`Installed ${source.binary} at ${installed}.`);
      return installed;
    }
  }
  throw new Error(source.help);
}
