"""``{{#expr:…}}``: the ParserFunctions expression language, parsed and evaluated (never ``eval``).

Operators and precedence as ParserFunctions documents them, tightest first:

* unary ``-`` ``+``, and ``e`` as a binary operator (``2e3`` = 2000) — 10
* ``not`` and the functions ``abs floor ceil trunc exp ln sin cos tan asin acos atan sqrt`` — 9
* ``^`` — 8;  ``* / div mod fmod`` — 7;  ``+ -`` — 6;  ``round`` — 5
* ``= != <> < > <= >=`` — 4;  ``and`` — 3;  ``or`` — 2

Binary operators associate to the left.  Numbers are floats (PHP's); ``mod`` works on integers
(truncated); results print as PHP prints a float (14 significant digits, ``1.0E+20``).  Errors
are :class:`ExprError` with MediaWiki's message text.
"""

from __future__ import annotations

import math

# operator codes -> (precedence, arity)
_PRECEDENCE: dict[str, int] = {
    "neg": 10, "pos": 10, "e": 10,
    "not": 9, "abs": 9, "floor": 9, "ceil": 9, "trunc": 9, "exp": 9, "ln": 9, "sin": 9,
    "cos": 9, "tan": 9, "asin": 9, "acos": 9, "atan": 9, "sqrt": 9,
    "^": 8, "*": 7, "/": 7, "mod": 7, "fmod": 7, "+": 6, "-": 6, "round": 5,
    "=": 4, "<": 4, ">": 4, "<=": 4, ">=": 4, "!=": 4, "and": 3, "or": 2, "(": -1,
}
_UNARY = frozenset({"neg", "pos", "not", "abs", "floor", "ceil", "trunc", "exp", "ln", "sin",
                    "cos", "tan", "asin", "acos", "atan", "sqrt"})
_WORDS = {"mod": "mod", "and": "and", "or": "or", "not": "not", "round": "round", "div": "/",
          "fmod": "fmod", "e": "e", "pi": "pi", "abs": "abs", "floor": "floor", "ceil": "ceil",
          "trunc": "trunc", "exp": "exp", "ln": "ln", "sin": "sin", "cos": "cos", "tan": "tan",
          "asin": "asin", "acos": "acos", "atan": "atan", "sqrt": "sqrt"}
_NAMES = {"neg": "-", "pos": "+"}
_MAX_STACK = 1000


class ExprError(Exception):
    """An expression MediaWiki would reject; ``str(err)`` is its message."""


def _err(key: str, arg: str = "") -> ExprError:
    messages = {
        "unexpected_number": "Expression error: Unexpected number.",
        "unrecognised_word": f'Expression error: Unrecognized word "{arg}".',
        "unexpected_operator": f"Expression error: Unexpected {arg} operator.",
        "missing_operand": f"Expression error: Missing operand for {arg}.",
        "unexpected_closing_bracket": "Expression error: Unexpected closing bracket.",
        "unrecognised_punctuation":
            f'Expression error: Unrecognized punctuation character "{arg}".',
        "unclosed_bracket": "Expression error: Unclosed bracket.",
        "division_by_zero": "Division by zero.",
        "invalid_argument": f"Expression error: Invalid argument for {arg}: < -1 or > 1.",
        "invalid_argument_ln": "Expression error: Invalid argument for ln: <= 0.",
        "stack_exhausted": "Expression error: Stack exhausted.",
        "unknown_error": "Expression error: Unknown error.",
    }
    return ExprError(messages[key])


def evaluate(expression: str) -> float | None:
    """The value of ``expression`` (``None`` for an empty one); raises :class:`ExprError`."""
    text = expression.lower().replace("\u2212", "-")
    operands: list[float] = []
    operators: list[str] = []
    expecting = "expression"
    i = 0
    n = len(text)
    while i < n:
        if len(operands) > _MAX_STACK or len(operators) > _MAX_STACK:
            raise _err("stack_exhausted")
        c = text[i]
        if c in " \t\n\r\f\v":
            i += 1
            continue
        if c in "0123456789.":
            if expecting != "expression":
                raise _err("unexpected_number")
            j = i
            while j < n and text[j] in "0123456789.":
                j += 1
            operands.append(_php_float(text[i:j]))
            i = j
            expecting = "operator"
            continue
        if c.isalpha() and c.isascii():
            j = i
            while j < n and text[j].isascii() and text[j].isalpha():
                j += 1
            word = text[i:j]
            i = j
            op = _WORDS.get(word)
            if op is None:
                raise _err("unrecognised_word", word)
            if op in ("e", "pi") and expecting == "expression":
                operands.append(math.e if op == "e" else math.pi)
                expecting = "operator"
                continue
            if op in _UNARY:
                if expecting != "expression":
                    raise _err("unexpected_operator", word)
                operators.append(op)
                continue
            if expecting != "operator":
                raise _err("missing_operand", word)
            _push_binary(op, operators, operands)
            expecting = "expression"
            continue
        two = text[i:i + 2]
        if two in ("<=", ">=", "<>", "!="):
            op = "!=" if two in ("<>", "!=") else two
            i += 2
        elif c in "+-":
            i += 1
            if expecting == "expression":
                operators.append("neg" if c == "-" else "pos")
                continue
            op = c
        elif c in "*/^=<>":
            op = c
            i += 1
        elif c == "(":
            if expecting == "operator":
                raise _err("unexpected_operator", "(")
            operators.append("(")
            i += 1
            continue
        elif c == ")":
            while operators and operators[-1] != "(":
                _apply(operators.pop(), operands)
            if not operators:
                raise _err("unexpected_closing_bracket")
            if expecting == "expression":
                raise _err("unexpected_closing_bracket")
            operators.pop()
            i += 1
            expecting = "operator"
            continue
        else:
            raise _err("unrecognised_punctuation", c)
        if expecting != "operator":
            raise _err("missing_operand", op)
        _push_binary(op, operators, operands)
        expecting = "expression"
    while operators:
        op = operators.pop()
        if op == "(":
            raise _err("unclosed_bracket")
        _apply(op, operands)
    if not operands:
        return None
    if len(operands) > 1:
        raise _err("unexpected_number")
    return operands[0]


def _push_binary(op: str, operators: list[str], operands: list[float]) -> None:
    precedence = _PRECEDENCE[op]
    while operators and precedence <= _PRECEDENCE[operators[-1]]:
        _apply(operators.pop(), operands)
    operators.append(op)


def _apply(op: str, stack: list[float]) -> None:
    name = _NAMES.get(op, op)
    if op in _UNARY:
        if not stack:
            raise _err("missing_operand", name)
        x = stack.pop()
        stack.append(_unary(op, x))
        return
    if len(stack) < 2:
        raise _err("missing_operand", name)
    b = stack.pop()
    a = stack.pop()
    stack.append(_binary(op, a, b))


def _unary(op: str, x: float) -> float:
    if op == "neg":
        return -x
    if op == "pos":
        return x
    if op == "not":
        return float(not x)
    if op == "abs":
        return abs(x)
    if op == "floor":
        return _finite(math.floor, x)
    if op == "ceil":
        return _finite(math.ceil, x)
    if op == "trunc":
        return _finite(math.trunc, x)
    if op == "exp":
        try:
            return math.exp(x)
        except OverflowError:
            return math.inf
    if op == "ln":
        if x <= 0:
            raise _err("invalid_argument_ln")
        return math.log(x)
    if op in ("asin", "acos"):
        if x < -1 or x > 1:
            raise _err("invalid_argument", op)
        return math.asin(x) if op == "asin" else math.acos(x)
    if op == "sqrt":
        return math.sqrt(x) if x >= 0 else math.nan
    func = {"sin": math.sin, "cos": math.cos, "tan": math.tan, "atan": math.atan}[op]
    try:
        return func(x)
    except ValueError:
        return math.nan


def _finite(func: object, x: float) -> float:
    if math.isinf(x) or math.isnan(x):
        return x
    return float(func(x))  # type: ignore[operator]


def _binary(op: str, a: float, b: float) -> float:
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        if b == 0:
            raise _err("division_by_zero")
        return a / b
    if op == "mod":
        ia, ib = _php_int(a), _php_int(b)
        if ib == 0:
            raise _err("division_by_zero")
        r = abs(ia) % abs(ib)
        return float(-r if ia < 0 else r)
    if op == "fmod":
        if b == 0:
            raise _err("division_by_zero")
        return math.fmod(a, b)
    if op == "^":
        try:
            result = a ** b
        except ZeroDivisionError:
            return math.inf
        except OverflowError:
            return math.inf
        if isinstance(result, complex):
            return math.nan
        return float(result)
    if op == "e":
        try:
            return a * float(10.0 ** b)
        except OverflowError:
            return math.inf
    if op == "round":
        return _php_round(a, _php_int(b))
    if op == "=":
        return float(a == b)
    if op == "!=":
        return float(a != b)
    if op == "<":
        return float(a < b)
    if op == ">":
        return float(a > b)
    if op == "<=":
        return float(a <= b)
    if op == ">=":
        return float(a >= b)
    if op == "and":
        return float(bool(a) and bool(b))
    if op == "or":
        return float(bool(a) or bool(b))
    raise _err("unknown_error")


def _php_float(text: str) -> float:
    """PHP's ``(float)"1.2.3"``: the longest numeric prefix."""
    head, dot, rest = text.partition(".")
    digits = rest.split(".", 1)[0]
    literal = (head or "0") + ("." + digits if dot and digits else "")
    try:
        return float(literal)
    except ValueError:
        return 0.0


def _php_int(x: float) -> int:
    if math.isnan(x) or math.isinf(x):
        return 0
    return int(x)


def _php_round(x: float, places: int) -> float:
    if math.isnan(x) or math.isinf(x):
        return x
    if places > 300:
        return x
    factor = 10.0 ** places if places > -300 else 0.0
    if factor == 0:
        return 0.0
    scaled = x * factor
    if math.isinf(scaled):
        return x
    # PHP rounds half away from zero, after a pre-rounding that hides float noise
    pre = round(scaled, 14 - len(str(int(abs(scaled)))) if abs(scaled) >= 1 else 14)
    rounded = math.floor(abs(pre) + 0.5)
    value = math.copysign(rounded, scaled) / factor
    return value


def format_number(x: float) -> str:
    """A float as PHP's ``(string)`` writes it (precision 14)."""
    if math.isnan(x):
        return "NAN"
    if math.isinf(x):
        return "INF" if x > 0 else "-INF"
    if x == 0:
        return "0"
    text = f"{x:.14G}"
    if "E" in text:
        mantissa, _, exponent = text.partition("E")
        if "." not in mantissa:
            mantissa += ".0"
        sign = exponent[0]
        digits = exponent[1:].lstrip("0") or "0"
        return f"{mantissa}E{sign}{digits}"
    return text


def expr(expression: str) -> str:
    """``{{#expr:expression}}``: the formatted result, ``""`` for an empty expression; raises
    :class:`ExprError`."""
    value = evaluate(expression)
    return "" if value is None else format_number(value)


__all__ = ["ExprError", "evaluate", "expr", "format_number"]
