"""Parse hostile files in worker processes bounded in memory and time.

A PDF that inflates to gigabytes, a ZIP bomb or a parser caught in a loop must cost
one file, not the service. Each worker process caps its own address space
(RLIMIT_AS) and the parent gives every file a deadline: a worker that misses it is
killed and replaced; a worker that dies takes only its current file with it.

Workers are forked, not spawned: a fork of a process that has already loaded the
pipeline starts in about 15 ms, where a fresh interpreter needs about 1.3 s (imports
1.1 s, the lexicon 0.25 s; measured on the development machine). So even a batch of
one file goes through a limited worker: the guard costs less than a tenth of the
start an in-process time guard would save, and an in-process guard could bound
neither memory nor a parser stuck in C code. A forked worker only runs the loop
below and leaves with `os._exit`, so it never touches the parent's database
connections or index writer.
"""

from __future__ import annotations

import contextlib
import faulthandler
import multiprocessing
import os
import queue
import resource
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from politikbase.models import ExtractionError
from politikbase.processes import die_with_parent

GIGABYTE = 1024**3


@dataclass(frozen=True, slots=True)
class ParseLimits:
    memory_bytes: int = 2 * GIGABYTE  # address space a worker may add to what it inherits
    seconds: float = 120.0  # wall time per file

    def memory_text(self) -> str:
        if self.memory_bytes % GIGABYTE == 0:
            return f"{self.memory_bytes // GIGABYTE} GB"
        return f"{self.memory_bytes / 1024**2:.0f} MB"

    def seconds_text(self) -> str:
        return f"{self.seconds:g} s"


class LimitExceeded(ExtractionError):
    """A file broke a worker's limit; the message says which."""


def _address_space() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


def _worker_loop(connection: Connection, memory_bytes: int, parent_pid: int | None) -> None:
    die_with_parent(parent_pid)
    # A fork inherits the parent's mappings (libraries, the lexicon): the cap is what
    # the worker may add to them, so the limit means the same whatever the parent holds.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A parser that aborts is expected here and reported by the parent, without a
    # traceback dump of every thread on stderr.
    faulthandler.disable()
    try:
        ceiling = _address_space() + memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, resource.RLIM_INFINITY))
    except (OSError, ValueError):
        pass  # no /proc or no rlimits: the deadline still holds
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            break
        if task is None:
            break
        function, args = task
        try:
            reply: tuple[str, Any] = ("ok", function(*args))
        except MemoryError:
            reply = ("memory", None)
        except BaseException as error:
            reply = ("error", error)
        try:
            connection.send(reply)
        except MemoryError:
            connection.send(("memory", None))
        except Exception as error:
            connection.send(("error", RuntimeError(f"{type(error).__name__}: {error}")))
    os._exit(0)


class _Worker:
    def __init__(self, limits: ParseLimits, start_method: str = "fork") -> None:
        context = multiprocessing.get_context(start_method)
        # A fork server's children are its own, not the caller's.
        parent = os.getpid() if start_method == "fork" else None
        self.connection, child = context.Pipe()
        self.process = context.Process(
            target=_worker_loop, args=(child, limits.memory_bytes, parent), daemon=True
        )
        self.process.start()
        child.close()

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self.connection.send(None)
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


_Task = tuple[Future[Any], Callable[..., Any], tuple[Any, ...]]


class LimitedExecutor(Executor):
    """An executor whose tasks run in forked workers under `ParseLimits`.

    Results come back as from any executor; a task that breaks a limit fails with
    `LimitExceeded`, and the executor goes on with a fresh worker.
    """

    def __init__(
        self, workers: int, limits: ParseLimits | None = None, start_method: str = "fork"
    ) -> None:
        """`start_method` "forkserver" suits a calling process with threads of its own
        (a Dask worker), which a fork would copy in whatever state they are in."""
        self.limits = limits or ParseLimits()
        self._start_method = start_method
        self._tasks: queue.Queue[_Task | None] = queue.Queue()
        self._shut = False
        # The first workers are forked from the calling thread, before the dispatch
        # threads run; a replacement is forked by its dispatch thread.
        self._workers: list[_Worker | None] = [
            _Worker(self.limits, start_method) for _ in range(max(1, workers))
        ]
        self._threads = [
            threading.Thread(target=self._serve, args=(n,), daemon=True, name=f"limited-{n}")
            for n in range(len(self._workers))
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        if self._shut:
            raise RuntimeError("cannot submit after shutdown")
        if kwargs:
            raise TypeError("keyword arguments are not passed to limited workers")
        future: Future[Any] = Future()
        self._tasks.put((future, fn, args))
        return future

    def _serve(self, number: int) -> None:
        while (task := self._tasks.get()) is not None:
            future, function, args = task
            if not future.set_running_or_notify_cancel():
                continue
            worker = self._workers[number]
            if worker is None or not worker.process.is_alive():
                worker = self._workers[number] = _Worker(self.limits, self._start_method)
            outcome, value = self._run(worker, function, args)
            if outcome == "ok":
                future.set_result(value)
                continue
            if outcome != "error":
                worker.stop(kill=True)
                self._workers[number] = None
            future.set_exception(value)

    def _run(
        self, worker: _Worker, function: Callable[..., Any], args: tuple[Any, ...]
    ) -> tuple[str, Any]:
        try:
            worker.connection.send((function, args))
            if not worker.connection.poll(self.limits.seconds):
                return "timeout", LimitExceeded(
                    f"took longer than {self.limits.seconds_text()} to read; stopped"
                )
            kind, value = worker.connection.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            return "died", LimitExceeded(
                f"the parser stopped (exit code {worker.process.exitcode}); it probably "
                f"needed more than {self.limits.memory_text()} of memory"
            )
        if kind == "memory":
            return "memory", LimitExceeded(
                f"needed more than {self.limits.memory_text()} of memory to read; stopped"
            )
        return kind, value

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._shut = True
        if cancel_futures:
            while True:
                try:
                    task = self._tasks.get_nowait()
                except queue.Empty:
                    break
                if task is not None:
                    task[0].cancel()
        for _ in self._threads:
            self._tasks.put(None)
        if wait:
            for thread in self._threads:
                thread.join()
        for worker in self._workers:
            if worker is not None:
                worker.stop(kill=not wait)


# Limited workers of the threads of this process, for `limited_call`.
_thread_workers = threading.local()
# Loaded once by the fork server, so each worker it forks starts with the pipeline.
_FORKSERVER_PRELOAD = ["politikbase.pipeline"]


def limited_call(limits: ParseLimits, function: Callable[..., Any], *args: Any) -> Any:
    """`function(*args)` in a worker process under `limits`, from any process.

    For tasks that run in someone else's worker (a Dask worker's threads): each thread
    keeps one limited worker, started through a fork server, so a hostile file costs
    that worker (replaced for the next task) and never the Dask worker itself.
    """
    executor: LimitedExecutor | None = getattr(_thread_workers, "executor", None)
    if executor is None or executor.limits != limits:
        # Dask starts its workers as daemonic processes, to which multiprocessing refuses
        # children. The flag only has multiprocessing end them at exit; ours end by
        # themselves (with the fork server, which ends with this process).
        multiprocessing.current_process()._config["daemon"] = False  # type: ignore[attr-defined]
        if executor is not None:
            executor.shutdown()
        multiprocessing.get_context("forkserver").set_forkserver_preload(_FORKSERVER_PRELOAD)
        executor = _thread_workers.executor = LimitedExecutor(1, limits, "forkserver")
    return executor.submit(function, *args).result()
