"""The machine the bench runs on and its processes, measured (from /proc and nproc): cores,
CPU model, memory, load average, other processes that compete for the CPU, and the memory and
CPU time of the servers."""

import os
import platform
import re
import subprocess
import threading
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple


def loadavg() -> Tuple[float, float, float]:
    one, five, fifteen = open("/proc/loadavg").read().split()[:3]
    return float(one), float(five), float(fifteen)


def cpu_model() -> str:
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def nproc() -> Optional[int]:
    """Cores this process may use (nproc: the affinity mask), which os.cpu_count does not see."""
    try:
        return int(subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip())
    except (OSError, ValueError):
        return None


def machine() -> Dict[str, Any]:
    mem_kb = 0
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal:"):
            mem_kb = int(line.split()[1])
    try:
        from importlib.metadata import version

        rasa_version = version("rasa")
    except Exception:  # pragma: no cover - the venv always has rasa
        rasa_version = "?"
    return {
        "cores": os.cpu_count(),
        "nproc": nproc(),
        "cpu": cpu_model(),
        "mem_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "rasa": rasa_version,
        "host": platform.node(),
    }


def cores_text(info: Dict[str, Any]) -> str:
    """'2 cores', or '8 cores, 2 usable' when nproc (the affinity mask) allows fewer."""
    cores, usable = info.get("cores"), info.get("nproc")
    text = f"{cores if cores is not None else '?'} cores"
    if usable is not None and cores is not None and usable != cores:
        text += f", {usable} usable"
    return text


def foreign_processes(own: Sequence[int]) -> List[str]:
    """Other Rasa / pytest / training processes on the machine (noise for the measurements)."""
    found = []
    me = os.getpid()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        pid = int(entry.name)
        if pid == me or pid in own:
            continue
        try:
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if (
            re.search(r"\brasa\b.*\b(run|train|test|shell|data)\b|pytest|chromium", cmd)
            and "--type=" not in cmd
            and "crashpad" not in cmd
        ):
            found.append(f"{pid}: {cmd.strip()[:110]}")
    return found


def children_of(pid: int) -> List[int]:
    """All descendants of pid (from /proc/*/stat)."""
    parent: Dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        kids = [p for p, pp in parent.items() if pp == current]
        out.extend(kids)
        todo.extend(kids)
    return out


def proc_status(pid: int) -> Dict[str, int]:
    values = {}
    try:
        for line in open(f"/proc/{pid}/status"):
            key, _, rest = line.partition(":")
            if key in ("VmHWM", "VmRSS", "RssAnon", "RssFile"):
                values[key] = int(rest.split()[0])  # kB
    except OSError:
        pass
    return values


def cpu_seconds(pid: int) -> float:
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def python_process(pid: int) -> Tuple[int, str]:
    """The Rasa server's Python process: `rasa` is a console script whose shebang execs the
    venv's python in the same pid; should it fork or exec, take the descendant with the
    largest peak RSS."""
    best, best_hwm = pid, proc_status(pid).get("VmHWM", 0)
    for child in children_of(pid):
        hwm = proc_status(child).get("VmHWM", 0)
        if hwm > best_hwm:
            best, best_hwm = child, hwm
    try:
        exe = os.readlink(f"/proc/{best}/exe")
    except OSError:
        exe = "?"
    return best, exe


class LoadSampler:
    """Every 5 s while measuring: the 1-min load average and the foreign processes seen."""

    def __init__(self, interval: float = 5.0):
        self.interval = interval
        self.samples: List[float] = []
        self.times: List[float] = []
        self.foreign: Dict[str, None] = {}  # insertion-ordered set
        self.stopped = threading.Event()

    def see_foreign(self) -> None:
        own = [os.getpid()] + children_of(os.getpid())  # our servers, rasa test nlu
        for line in foreign_processes(own):
            self.foreign.setdefault(line, None)

    def _run(self) -> None:
        while not self.stopped.wait(self.interval):
            self.samples.append(loadavg()[0])
            self.times.append(time.monotonic())
            self.see_foreign()

    def start(self) -> "LoadSampler":
        threading.Thread(target=self._run, daemon=True).start()
        self.see_foreign()
        return self

    def stop(self) -> None:
        self.stopped.set()

    def since(self, began: float) -> List[float]:
        """The load samples taken since `began` (time.monotonic)."""
        return [x for x, t in zip(self.samples, self.times) if t >= began]
