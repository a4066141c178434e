"""Figures computed in floats, read back as the decimals a reader would work with.

A mean, a sum or a share of figures from a log is computed in floats, and
the result carries an error in its last binary digits: the mean of 30.0 and
30.3 is 30.149999999999998, so Python's ``round`` (which also rounds half to
even) shows it as 30.1 where a finance director checking by hand gets 30.15
and writes 30.2. Everything shown is rounded half up from :func:`figure`.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext

Number = int | float | Decimal

#: Significant digits a float figure is read to: far more than anyone writes
#: in a log or a facts file, far fewer than a float carries, so the error
#: that adding and dividing leaves in the last digits is dropped.
FIGURE_DIGITS = 12


def figure(value: float) -> Decimal:
    """The decimal figure a float stands for, without arithmetic's last-digit error.

    ``figure(30.149999999999998)`` is ``Decimal('30.15')`` and
    ``figure(12.149999999999999)`` is ``Decimal('12.15')``. Infinities and
    NaN become Decimal's own.
    """
    if not math.isfinite(value):
        return Decimal(repr(value))
    return Decimal(format(value, f".{FIGURE_DIGITS}g"))


def _decimal(value: Number) -> Decimal:
    return figure(value) if isinstance(value, float) else Decimal(value)


def _quantized(amount: Decimal, step: Decimal) -> Decimal:
    """``amount`` rounded half up to a whole number of ``step``."""
    with localcontext() as context:
        context.prec = max(28, amount.adjusted() - step.adjusted() + 4)
        return (amount / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


def half_up(value: Number, places: int = 1) -> float:
    """``value`` rounded half up to ``places`` decimals, from its :func:`figure`.

    ``round(30.15, 1)`` is 30.1 (the float is just under 30.15, and ``round``
    rounds half to even besides); ``half_up(30.15)`` is 30.2.
    """
    amount = _decimal(value)
    if not amount.is_finite():
        return float(amount)
    return float(_quantized(amount, Decimal(1).scaleb(-places)))


def whole(value: Number) -> int:
    """``value`` rounded half up to a whole number: 2.5 is 3, where ``round`` gives 2."""
    return int(_quantized(_decimal(value), Decimal(1)))


def round_to(value: float, quantum: float) -> float:
    """``value`` rounded half up to a multiple of ``quantum`` (as it is, if not finite)."""
    if not math.isfinite(value) or not quantum or not math.isfinite(value / quantum):
        return value
    return float(_quantized(figure(value), figure(quantum)))
