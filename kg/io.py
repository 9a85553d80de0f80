"""Atomic file output: write to a temporary name in the same folder, then rename.

An interrupted build leaves the previous files intact, never half-written ones.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import ExportError

__all__ = ["atomic_folder", "atomic_path", "commit_all", "user_cache_dir"]


def user_cache_dir(*parts: str) -> Path:
    """A folder under ``$KG_CACHE_DIR`` (default ``~/.cache/kg-builder``) for what kg-builder makes once per
    machine (extended ontologies, the unpacked language model); not created here."""
    return Path(os.environ.get("KG_CACHE_DIR") or Path.home() / ".cache" / "kg-builder", *parts)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _publish(tmp: Path, target: Path) -> None:
    """Give the file ordinary permissions (mkstemp makes it private), then rename."""
    os.chmod(tmp, 0o666 & ~_umask())
    os.replace(tmp, target)


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; rename it over ``target`` on success."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        _publish(tmp_path, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
        raise


@contextlib.contextmanager
def atomic_folder(target: str | os.PathLike[str], *, replace: bool = False) -> Iterator[Path]:
    """Yield a new empty folder next to ``target``; rename it to ``target`` when the block succeeds, so a
    reader sees the whole folder or none. A ``target`` another process made meanwhile is kept (the new
    folder is dropped); ``replace`` puts the new one in its place (a damaged copy, a model retrained): the
    one there before is set aside until the new one is in place, and is back if that fails."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    tmp.chmod(0o755)  # (mkdtemp's folder is its owner's alone; the folder is read as a mkdir'ed one is)
    try:
        yield tmp
        if not replace:
            try:
                tmp.rename(target)
            except OSError:  # made meanwhile by another process
                shutil.rmtree(tmp, ignore_errors=True)
            return
        old = None
        if target.exists():
            old = target.with_name(f".{target.name}.old")
            if old.exists():
                shutil.rmtree(old)
            target.rename(old)
        try:
            tmp.rename(target)
        except OSError:
            if old is not None:
                old.rename(target)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def commit_all(jobs: list[tuple[Path, Callable[[Path], None]]]) -> list[Path]:
    """Write every file to a temporary name first; rename them all only when all succeeded."""
    staged: list[tuple[Path, Path]] = []
    try:
        for target, write in jobs:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
            os.close(fd)
            staged.append((Path(tmp), target))
            try:
                write(Path(tmp))
            except ExportError:
                raise
            except (OSError, ValueError, TypeError) as exc:
                raise ExportError(f"Cannot write {target}: {exc}") from exc
    except BaseException:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    for tmp, target in staged:
        _publish(tmp, target)
    return [target for _, target in staged]
