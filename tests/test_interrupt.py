"""Ctrl-C always stops the run, even when it lands in a finaliser (_runtime/interrupt.py)."""

import sys
import time

import pytest

from aligncheck._runtime.interrupt import keep_interrupts


class RaisesOnCollection:
    def __init__(self, error: type[BaseException]):
        self.error = error

    def __del__(self):
        raise self.error


def test_an_interrupt_a_finaliser_swallows_surfaces_in_the_main_thread(monkeypatch, capsys):
    monkeypatch.setattr(sys, "unraisablehook", lambda unraisable: print("shown", file=sys.stderr))
    keep_interrupts()
    with pytest.raises(KeyboardInterrupt):
        RaisesOnCollection(KeyboardInterrupt)  # collected at once: the interrupt is unraisable
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            time.sleep(0.001)
    assert capsys.readouterr().err == ""  # no "Exception ignored in ..." either


def test_other_unraisable_exceptions_go_to_the_hook_there_was(monkeypatch):
    seen = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: seen.append(type(u.exc_value)))
    keep_interrupts()
    keep_interrupts()  # installed once
    RaisesOnCollection(ValueError)
    assert seen == [ValueError]
