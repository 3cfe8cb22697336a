// Entry of the launcher's watchdog process (see watchdog.ts): node watchdog-main.js <lock file> <launcher PID> <launcher start time>
import { runWatchdog } from './watchdog';

const [lockPath, pid, startTime] = process.argv.slice(2);
runWatchdog(lockPath, { pid: Number(pid), startTime: startTime || null });
