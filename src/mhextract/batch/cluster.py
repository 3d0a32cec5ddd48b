"""Running chunks of letters on a Dask cluster (`mhextract parse --cluster tcp://host:8786 | local:N`).

The driver (the `mhextract parse` process) plans, writes and reports exactly as for the
local pool; only the extraction moves. Each worker loads the pipeline once, in a worker
plugin, and runs one chunk at a time (a lock: spaCy memory zones are per pipeline).
Chunks go out a few per worker thread at a time and come back in input order.

Faults: a letter that raises or hits the time limit fails on its own inside the chunk
(`batch.chunks`). A worker that dies (crash, OOM killer, SIGKILL) makes the scheduler
give up the chunks it was running (`KilledWorker`; `local:N` sets allowed-failures to 0,
a running scheduler uses its own setting, see the README); the driver then sends their letters
again one at a time, each as the only new task, so they run once more on a live worker;
a letter whose worker dies again is reported failed as a `crash`. A letter whose thread
is stuck in one C call past its time limit (no Python-level exception reaches it) is
reported by the worker's watchdog (`batch.clock`) as an event; the driver fails it as a
`timeout`, restarts that worker through its nanny, and sends the chunk's other letters
again. No other letter's record is lost.
"""

from __future__ import annotations

import hashlib
import io
import logging
import queue
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin
from distributed.scheduler import KilledWorker
from spacy.language import Language

from mhextract.batch.chunks import Outcome, Task, WorkConfig, run_chunk, warm_up
from mhextract.batch.clock import on_stuck
from mhextract.errors import ClusterError
from mhextract.fingerprint import extractor_id

LOCAL = re.compile(r"^local:(\d+)$")
# `local:N`: mhextract retries the letters of a dead worker itself (allowed-failures 0)
LOCAL_CONFIG = {
    "distributed.scheduler.allowed-failures": 0,
    # Fewer wake-ups of each worker's event loop: every one takes the GIL from the letter's thread, and on a
    # busy machine that thread then waits for the loop thread to be scheduled (the pool's single-threaded
    # workers never do). Measured: the defaults cost ~1.5 s of CPU per 200 letters, and more in wall time.
    "distributed.worker.profile.enabled": False,  # no stack sampling of the tasks
    "distributed.admin.tick.interval": "2s",  # event-loop watchdog (default 20 ms)
    "distributed.admin.system-monitor.interval": "10s",  # dashboard figures (default 500 ms)
    "distributed.admin.system-monitor.gil.enabled": False,
    # no spilling or pausing (a worker holds no data), so no worker memory monitor; the nanny's stays
    "distributed.worker.memory.target": False,
    "distributed.worker.memory.spill": False,
    "distributed.worker.memory.pause": False,
    "distributed.worker.memory.monitor-interval": "1s",  # the nanny's (default 100 ms)
    # Dask sets MALLOC_TRIM_THRESHOLD_ in its workers, which turns off glibc's adaptive mmap threshold
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
}
IN_FLIGHT_PER_THREAD = 2  # chunks queued per worker thread: keeps workers busy, driver memory small
STUCK_TOPIC = "mhextract-stuck"  # worker -> driver: a letter's thread is stuck in one C call past its limit
POLL_SECONDS = 0.25  # how often the driver looks for such reports while it waits for a chunk
RESTART_SECONDS = 30


def validate_spec(spec: str) -> str | None:
    """None if `spec` is `local:N` (N >= 1) or a scheduler address (`tcp://host:port`), else why not."""
    m = LOCAL.match(spec)
    if m:
        return None if int(m.group(1)) >= 1 else "local:N needs N >= 1"
    if re.match(r"^(tcp|tls|inproc|ucx|ws|wss)://\S+$", spec):
        return None
    return f"--cluster {spec!r}: expected tcp://HOST:PORT (a running scheduler) or local:N (N worker processes)"


class PipelinePlugin(WorkerPlugin):
    """A Dask worker plugin: the pipeline, loaded once per worker process when the worker starts.

    `factory` builds a custom pipeline (it must be importable on the workers); by default
    the worker loads `model` as `mhextract parse --model` would.
    """

    def __init__(self, name: str, model: str | None, expected: str,
                 factory: Callable[[], Language] | None = None, die_with_parent: bool = False) -> None:
        self.name = name
        self.die_with_parent = die_with_parent  # `local:N`: workers end with the mhextract process, even if killed
        self.model = model
        self.expected = expected
        self.factory = factory
        self.nlp: Language | None = None
        self.problem: str | None = None
        self.letters = 0
        self.cpu = 0.0
        self.lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.update(nlp=None, lock=None, letters=0, cpu=0.0)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.lock = threading.Lock()

    def setup(self, worker: Any = None) -> None:
        """Load and warm up the pipeline; a version mismatch is kept and reported by the first task."""
        from mhextract.analysis.pipeline import load_pipeline

        if self.die_with_parent:  # `local:N`
            _die_with_parent()
            _quieten(worker)
        if extractor_id() != self.expected:
            self.problem = f"worker runs mhextract {extractor_id()}, the driver {self.expected}: install the same"
            return
        self.nlp = self.factory() if self.factory is not None else load_pipeline(self.model, warn=io.StringIO())
        warm_up(self.nlp)
        if worker is not None:
            on_stuck(lambda letters: worker.log_event(STUCK_TOPIC, {"letters": list(letters),
                                                                    "worker": worker.address}))

    def teardown(self, worker: Any = None) -> None:
        self.nlp = None


def _quieten(worker: Any) -> None:
    """`local:N`: stop a worker's periodic callbacks that tasks without inputs do not need (each wakes the event
    loop, which takes the GIL from the letter's thread: see LOCAL_CONFIG)."""
    for name in ("find-missing", "ticks", "shift_counters"):  # missing inputs of tasks; metrics counters
        callback = getattr(worker, "periodic_callbacks", {}).get(name)
        if callback is not None:
            callback.stop()


def _die_with_parent() -> None:
    """Linux: SIGKILL this process when its parent (the nanny inside the mhextract process) dies."""
    import ctypes
    import signal

    with suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _cluster_chunk(plugin_name: str, tasks: list[Task], config: WorkConfig) -> list[Outcome]:
    """A worker's task: one chunk through the worker's pipeline, one chunk at a time per worker."""
    from distributed import get_worker

    plugin = get_worker().plugins.get(plugin_name)
    if not isinstance(plugin, PipelinePlugin):
        raise ClusterError("the mhextract pipeline plugin is not on this worker")
    if plugin.problem:
        raise ClusterError(plugin.problem)
    with plugin.lock:
        plugin.letters += len(tasks)
        assert plugin.nlp is not None, "pipeline plugin not set up"
        cpu = time.thread_time()
        try:
            return run_chunk(plugin.nlp, tasks, config)
        finally:
            plugin.cpu += time.thread_time() - cpu


def letters_seen(dask_worker: Any) -> int:
    """Letters this worker was sent (for `client.run`: tests and diagnostics)."""
    return sum(getattr(p, "letters", 0) for p in dask_worker.plugins.values() if isinstance(p, PipelinePlugin))


def task_cpu(dask_worker: Any) -> float:
    """CPU seconds this worker spent inside chunks (for `client.run`: the bench's overhead figure)."""
    return sum(getattr(p, "cpu", 0.0) for p in dask_worker.plugins.values() if isinstance(p, PipelinePlugin))


@dataclass
class _Slot:
    """A chunk in the window: its future (None once nothing is left to run) and outcomes the driver decided."""

    chunk: list[Task]
    future: Any
    decided: dict[int, Outcome] = field(default_factory=dict)


@dataclass
class Cluster:
    """A connection to a Dask cluster (started here for `local:N`) with the pipeline plugin registered."""

    spec: str
    client: Any
    plugin_name: str
    local: Any = None  # the LocalCluster we started, closed with us
    futures: set[Any] = field(default_factory=set)
    stuck: queue.Queue[dict[str, Any]] = field(default_factory=queue.Queue)  # STUCK_TOPIC events
    restarts: list[threading.Thread] = field(default_factory=list)  # workers being replaced

    @property
    def workers(self) -> int:
        return len(self.client.scheduler_info().get("workers", {}))

    @property
    def threads(self) -> int:
        return max(1, sum(w.get("nthreads", 1) for w in self.client.scheduler_info().get("workers", {}).values()))

    def run(self, chunks: Iterable[list[Task]], config: WorkConfig) -> Iterator[Outcome]:
        """Outcomes of every chunk, in input order; a few chunks in flight per worker thread."""
        window: deque[_Slot] = deque()
        try:
            for chunk in chunks:
                window.append(_Slot(chunk, self._submit(chunk, config)))
                while len(window) >= IN_FLIGHT_PER_THREAD * self.threads:
                    yield from self._collect(window, config)
            while window:
                yield from self._collect(window, config)
        finally:
            self.cancel()

    def _submit(self, chunk: list[Task], config: WorkConfig) -> Any:
        future = self.client.submit(_cluster_chunk, self.plugin_name, chunk, config, pure=False)
        self.futures.add(future)
        return future

    def _collect(self, window: deque[_Slot], config: WorkConfig) -> Iterator[Outcome]:
        """Outcomes of the oldest chunk; if its worker died, each of its letters once more on its own."""
        slot = window[0]
        try:
            outcomes = self._wait(slot, window, config)
        except KilledWorker:
            outcomes = []
            for task in (t for t in slot.chunk if t.index not in slot.decided):
                outcomes += self._alone(task, window, config, slot.decided)
        window.popleft()
        by_index = {o.index: o for o in outcomes} | slot.decided
        yield from (by_index[t.index] for t in slot.chunk)

    def _alone(self, task: Task, window: deque[_Slot], config: WorkConfig,
               decided: dict[int, Outcome]) -> list[Outcome]:
        """One letter as the only new task, so that a death now points at it; a death caused by our own restart
        of a stuck worker (`_unstick`) does not count against the letter."""
        for _ in range(3):
            restarts = len(self.restarts)
            alone = _Slot([task], self._submit([task], config))
            try:
                outcomes = self._wait(alone, window, config)
            except KilledWorker:
                if len(self.restarts) != restarts or any(r.is_alive() for r in self.restarts):
                    continue
                outcomes = [Outcome(task.index, task.path, kind="crash", reason="the worker died on this letter "
                                    "(crash, out of memory or killed), also on retry")]
            decided.update(alone.decided)
            return outcomes
        return [Outcome(task.index, task.path, kind="crash", reason="its workers kept being restarted")]

    def _wait(self, slot: _Slot, window: deque[_Slot], config: WorkConfig) -> list[Outcome]:
        """A chunk's outcomes, meanwhile replacing workers stuck in a C call (`_unstick`).

        KilledWorker passes; anything else (a version mismatch) stops the run.
        """
        while slot.future is not None:
            self._unstick([*window, slot], config)
            future = slot.future
            if future is None:
                break
            try:
                outcomes = list(future.result(timeout=POLL_SECONDS))
            except TimeoutError:
                continue
            except (KilledWorker, ClusterError):
                self._forget(future)
                raise
            except Exception as exc:
                self._forget(future)
                raise ClusterError(f"cluster task failed: {type(exc).__name__}: {exc}") from exc
            self._forget(future)
            return outcomes
        return []

    def _forget(self, future: Any) -> None:
        self.futures.discard(future)
        future.release()

    def _unstick(self, window: Iterable[_Slot], config: WorkConfig) -> None:
        """Letters whose worker thread is stuck in one C call past their time limit (reported by the worker's
        watchdog, `batch.clock`): fail them as timeouts, restart that worker, and send the rest of their
        chunk again."""
        while not self.stuck.empty():
            event = self.stuck.get()
            letters, hit = set(event.get("letters", ())), False
            for slot in window:
                if slot.future is None or slot.future.done() or not letters & {t.index for t in slot.chunk}:
                    continue
                hit = True
                for task in (t for t in slot.chunk if t.index in letters):
                    slot.decided[task.index] = Outcome(task.index, task.path, kind="timeout", reason=(
                        f"took longer than {config.timeout:g} s (timeout; stuck in one C call, its worker was "
                        "restarted)"))
                self.client.cancel([slot.future])
                self._forget(slot.future)
                rest = [t for t in slot.chunk if t.index not in slot.decided]
                slot.future = self._submit(rest, config) if rest else None
            if hit and event.get("worker"):  # in the background: the other workers' results keep coming meanwhile
                restart = threading.Thread(target=self._restart, args=(event["worker"],), daemon=True)
                restart.start()
                self.restarts.append(restart)

    def _restart(self, worker: str) -> None:
        """Have the worker's nanny replace its process (the stuck thread cannot be stopped otherwise)."""
        with suppress(Exception):
            self.client.restart_workers([worker], timeout=RESTART_SECONDS, raise_for_error=False)

    def cancel(self) -> None:
        """Cancel what is still queued or running (Ctrl-C, an error, or the end of the run)."""
        if self.futures:
            self.client.cancel(list(self.futures))
            self.futures.clear()

    def close(self) -> None:
        self.cancel()
        for restart in self.restarts:  # a restart cut short by closing the client would leave a worker stuck
            restart.join(RESTART_SECONDS)
        with suppress(Exception):
            self.client.unsubscribe_topic(STUCK_TOPIC)
        self.client.close()
        if self.local is not None:
            self.local.close()


def _has_plugin(dask_scheduler: Any, name: str) -> bool:
    """On the scheduler: whether this pipeline plugin is registered already (by an earlier run)."""
    return name in dask_scheduler.worker_plugins


def plugin_name(model: str | None, factory: Callable[[], Language] | None) -> str:
    """One plugin per model and extractor version, so runs with other models can share a cluster."""
    ident = f"{model}|{getattr(factory, '__qualname__', '')}|{extractor_id()}"
    return "mhextract-pipeline-" + hashlib.sha256(ident.encode()).hexdigest()[:12]


def connect(spec: str, model: str | None, factory: Callable[[], Language] | None = None,
            timeout: float = 30.0) -> Cluster:
    """Connect to `tcp://...` or start `local:N`, and register the pipeline plugin on every worker."""
    import dask
    from distributed import Client, LocalCluster

    problem = validate_spec(spec)
    if problem:
        raise ClusterError(problem)
    local = None
    try:
        m = LOCAL.match(spec)
        if m:
            with dask.config.set(LOCAL_CONFIG):
                local = LocalCluster(n_workers=int(m.group(1)), threads_per_worker=1, processes=True,
                                     host="127.0.0.1", dashboard_address=":0", silence_logs=logging.ERROR)
            client = Client(local, timeout=timeout)
        else:
            client = Client(spec, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        if local is not None:
            local.close()
        raise ClusterError(f"cannot reach the Dask scheduler at {spec}: {exc}") from exc
    name = plugin_name(model, factory)
    if not client.run_on_scheduler(_has_plugin, name=name):  # a long-lived cluster keeps its workers' pipelines
        client.register_plugin(PipelinePlugin(name, model, extractor_id(), factory, local is not None), name=name)
    cluster = Cluster(spec, client, name, local)
    client.subscribe_topic(STUCK_TOPIC, lambda event: cluster.stuck.put(event[1]))
    if cluster.workers == 0:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            cluster.close()
            raise ClusterError(f"the Dask cluster at {spec} has no workers (waited {timeout:g} s)") from exc
    return cluster
