"""Cluster part of the benchmark: `run_batch --cluster local:N` against the process pool on the same letters.

On a shared machine one wall time says little, so the pool and the cluster run in turns
(`rounds` times each, which goes first alternating) and the best wall time of each is compared; CPU seconds
of every process (driver, scheduler, nannies, workers) show what the cluster costs on top.
"""

from __future__ import annotations

import os
import shutil
import statistics
import time
from pathlib import Path
from typing import Any

from mhextract import batch
from mhextract.batch.cluster import connect, task_cpu


def _process_cpu() -> float:
    """CPU seconds (user + system) of the calling process (run on each Dask worker)."""
    t = os.times()
    return t.user + t.system


def _all_cpu() -> float:
    """CPU seconds of this process and its finished children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def run_pool(files: list[Path], nlp: Any, out: Path, workers: int, batch_size: int) -> tuple[float, float]:
    """`run_batch --workers N` (forced): wall and CPU seconds (parent + workers)."""
    shutil.rmtree(out, ignore_errors=True)
    options = batch.BatchOptions(out=out, workers=workers, batch_size=batch_size, force=True, quiet=True)
    start, cpu = time.perf_counter(), _all_cpu()
    batch.run_batch(batch.expand_inputs(files), nlp, options)
    return time.perf_counter() - start, _all_cpu() - cpu


def run_cluster(files: list[Path], nlp: Any, out: Path, spec: str, model: str | None,
                batch_size: int) -> dict[str, float]:
    """`run_batch --cluster spec` over all files (forced): start-up (workers load the pipeline), run wall s,
    CPU s of the driver (with the scheduler of `local:N`) and of the workers, and of the workers inside chunks."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    cluster = connect(spec, model)
    try:
        ready = time.perf_counter() - start
        address = cluster.local.scheduler_address if cluster.local is not None else spec
        options = batch.BatchOptions(out=out, batch_size=batch_size, force=True, quiet=True, model=model,
                                     cluster=address)
        workers_cpu = sum(cluster.client.run(_process_cpu).values())
        tasks_cpu = sum(cluster.client.run(task_cpu).values())
        start, cpu = time.perf_counter(), _all_cpu()
        summary = batch.run_batch(batch.expand_inputs(files), nlp, options)
        seconds, driver = time.perf_counter() - start, _all_cpu() - cpu
        workers = sum(cluster.client.run(_process_cpu).values()) - workers_cpu
        in_tasks = sum(cluster.client.run(task_cpu).values()) - tasks_cpu
    finally:
        cluster.close()
    if summary.failures:
        print(f"  warning: {len(summary.failures)} letters failed, e.g. {summary.failures[0].reason}")
    return {"ready": ready, "seconds": seconds, "driver": driver, "workers": workers, "tasks": in_tasks}


def report(files: list[Path], nlp: Any, tmp: Path, spec: str, workers: int, model: str | None, batch_size: int,
           rounds: int, words: int) -> None:
    """Pool of `workers` and `--cluster spec` in turns; prints each run, then the best of each and the ratio."""
    pools: list[tuple[float, float]] = []
    clusters: list[dict[str, float]] = []
    for k in range(rounds):  # in turns, the first run alternating, so that neither always meets the same load
        if k % 2:
            clusters.append(run_cluster(files, nlp, tmp / "outc", spec, model, batch_size))
        pools.append(run_pool(files, nlp, tmp / "outp", workers, batch_size))
        if not k % 2:
            clusters.append(run_cluster(files, nlp, tmp / "outc", spec, model, batch_size))
        p, c = pools[-1], clusters[-1]
        print(f"  round {k + 1}: pool of {workers} {p[0]:.1f} s wall, {p[1]:.1f} s CPU | --cluster {spec} "
              f"{c['seconds']:.1f} s wall, {c['driver'] + c['workers']:.1f} s CPU (driver {c['driver']:.1f}, "
              f"workers {c['workers']:.1f}, of which in chunks {c['tasks']:.1f}), start-up {c['ready']:.1f} s; "
              f"{c['seconds'] / p[0]:.2f}x wall (load {os.getloadavg()[0]:.1f})")
    pool = min(pools)
    best = min(clusters, key=lambda c: c["seconds"])
    cpu = statistics.median(c["driver"] + c["workers"] for c in clusters) / statistics.median(p[1] for p in pools)
    n = len(files)
    print(f"  pool of {workers} (best of {rounds}): {pool[0]:.2f} s, {n / pool[0]:.1f} letters/s, "
          f"{words / pool[0]:.0f} words/s")
    print(f"  --cluster {spec} (best of {rounds}): {best['seconds']:.2f} s, {n / best['seconds']:.1f} letters/s, "
          f"{words / best['seconds']:.0f} words/s; start-up (workers load the pipeline) {best['ready']:.1f} s, "
          f"with it {n / (best['seconds'] + best['ready']):.1f} letters/s")
    paired = statistics.median(c["seconds"] / p[0] for c, p in zip(clusters, pools, strict=True))
    print(f"  ratio cluster / pool: {best['seconds'] / pool[0]:.2f}x wall, best against best (letters/s "
          f"{pool[0] / best['seconds']:.2f} of the pool's; goal on one machine: <= 1.15x); {paired:.2f}x the median "
          f"of the rounds' ratios; {(best['seconds'] + best['ready']) / pool[0]:.2f}x with the start-up; "
          f"CPU {cpu:.2f}x (medians)")
