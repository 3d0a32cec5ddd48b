"""The record outline of the README, generated from the JSON Schema so it cannot fall behind it.

`record_outline()` gives one line per top-level field of `Record`: nested objects as
`{a, b}`, lists as `[...]`, enumerations as `(a|b)`, references to `Span` by name, and the
field's description after `#`. `mhextract schema --outline` prints it; a test checks that
the README's block is exactly this text.
"""

from __future__ import annotations

from typing import Any

from mhextract.record.model import json_schema

_NAMED = ("Span",)  # shown by name and defined once at the end


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    """The definition name (if a $ref) and the node with `anyOf [X, null]` unwrapped."""
    if "anyOf" in node:
        options = [o for o in node["anyOf"] if o.get("type") != "null"]
        if len(options) == 1:
            return _resolve(options[0], defs)
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return name, defs[name]
    return None, node


def shape(node: dict[str, Any], defs: dict[str, Any]) -> str:
    """The compact shape of one schema node ('' for a plain scalar)."""
    name, node = _resolve(node, defs)
    if name in _NAMED:
        return name
    if "enum" in node:
        return "(" + "|".join(str(v) for v in node["enum"]) + ")"
    if node.get("type") == "array":
        return "[" + shape(node.get("items", {}), defs) + "]"
    if "properties" in node:
        return "{" + ", ".join(field(k, v, defs) for k, v in node["properties"].items()) + "}"
    return ""


def field(key: str, node: dict[str, Any], defs: dict[str, Any]) -> str:
    """`name shape` of one property."""
    text = shape(node, defs)
    return f"{key} {text}" if text else key


def record_outline() -> str:
    """The outline text of the record, one top-level field per line, then the named shapes."""
    schema = json_schema()
    defs: dict[str, Any] = schema.get("$defs", {})  # type: ignore[assignment]
    properties: dict[str, Any] = schema["properties"]  # type: ignore[assignment]
    rows = [(field(k, v, defs), v.get("description", "")) for k, v in properties.items()]
    rows += [(f"{n} = " + shape({"properties": defs[n]["properties"]}, defs), defs[n].get("description", ""))
             for n in _NAMED if n in defs]
    width = min(60, max(len(r) for r, d in rows if d))
    return "\n".join(f"{r:<{width}}  # {d}" if d else r for r, d in rows)
