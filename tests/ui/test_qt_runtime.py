"""Guards against Qt for Python releases known to break the program at run time."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    sig_value = Signal(object)


def test_emitting_signals_keeps_the_refcount_of_true_and_false(qapp: object) -> None:
    """PySide6 6.12.0 dropped a reference to the bool returned by ``emit()``; thousands of emits
    later the interpreter aborted with "bool_dealloc". The worker thread emits for every task."""
    emitter = _Emitter()
    emitter.sig_value.connect(lambda _value: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):
        emitter.sig_value.emit(1)
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
