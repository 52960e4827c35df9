#!/usr/bin/env python3
"""The module graph of the library and of the `zanlex` binary's doors, and what runs against it.

    scripts/module-graph.py [--repo DIR] [--edges]

Reads the Rust sources as text (no build), as tests/it/architecture.rs does: unit-test files
(`*tests.rs`) and `#[cfg(test)]` items are left out, comments are passed over. A module is a
file's module path (`src/search/compile.rs` is `search::compile`); an import is a path the code
names: `crate::a::b`, `super::x` (resolved), the names inside `crate::{…}`, and in the binary
`zanlex::…` (the library) beside `crate::…` (the binary's own modules).

Prints, for two levels of the graph:
  top level   the library's top-level modules (`search`, `answer`, …) and the binary's door
              modules (`bin:cli`, `bin:serve`, `bin:served`, `bin:mcp`, …);
  modules     every module (one a file);
the edges, the circles (elementary cycles; at the module level, the strongly connected
components of more than one module and the pairs of modules that import each other), and the
imports running back up: a library module naming a module that the pipeline's order (LAYERS in
tests/it/architecture.rs) places after it, and a door naming another door (a door depends on the
library and on the shared `served` state only).
"""
import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path


def strip_tests(code):
    """The code without comments and `#[cfg(test)]` items (as architecture.rs skips them)."""
    out = []
    lines = iter(code.splitlines())
    for line in lines:
        if line.lstrip().startswith("#[cfg(test)]"):
            depth, opened = 0, False
            for nxt in lines:
                c = nxt.split("//")[0]
                if not opened and c.lstrip().startswith("#["):
                    continue
                depth += c.count("{") - c.count("}")
                opened |= "{" in c
                if (not opened and c.rstrip().endswith(";")) or (opened and depth <= 0):
                    break
            continue
        out.append(line.split("//")[0])
    return "\n".join(out)


def module_of(path, root):
    rel = path.relative_to(root).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] in ("mod", "lib", "main"):
        parts = parts[:-1]
    return tuple(parts)


def group_names(text, start):
    """The first path segments inside the braces that open at `start`."""
    depth, item, out = 0, "", []
    for ch in text[start:]:
        if ch == "{":
            depth += 1
            if depth == 1:
                continue
        elif ch == "}":
            depth -= 1
            if depth == 0:
                out.append(item)
                break
        if depth == 1 and ch == ",":
            out.append(item)
            item = ""
        elif depth >= 1:
            item += ch
    return [re.split(r"::|\s", i.strip())[0] for i in out if i.strip()]


IDENT = r"[a-z_][a-z0-9_]*"
# The binary's doors; `served` (their shared state) and `common` are not doors.
DOORS = {"bin:cli", "bin:serve", "bin:mcp"}


def imports(code, own, prefix):
    """The module paths (tuples, first segments after `prefix`) that `code` names."""
    found = []
    for m in re.finditer(rf"\b{prefix}::((?:{IDENT}::)*)({IDENT}|\{{)", code):
        segs = [s for s in m.group(1).split("::") if s]
        if m.group(2) == "{":
            for name in group_names(code, m.end() - 1):
                found.append(tuple(segs + [name]))
        else:
            found.append(tuple(segs + [m.group(2)]))
    if prefix == "crate":
        for m in re.finditer(rf"(?<![:\w])((?:super::)+)((?:{IDENT}::)*)({IDENT})", code):
            ups = m.group(1).count("super::")
            base = list(own[: max(len(own) - ups, 0)])
            segs = [s for s in m.group(2).split("::") if s] + [m.group(3)]
            found.append(tuple(base + segs))
    return found


def resolve(path, modules, reexports=None):
    """The longest known module that `path` starts with; a name the crate root re-exports
    (`crate::ZanIndex`) is the module that defines it."""
    for n in range(len(path), 1, -1):
        if path[:n] in modules:
            return path[:n]
    if reexports is not None and len(path) > 1 and path[1] in reexports:
        return reexports[path[1]]
    return None


def root_reexports(src, lib_code, modules):
    """Each name `lib.rs` re-exports (`pub use a::b::{X, Y}`, `pub use a::X as Z`, `pub use
    a::*`), mapped to the module that holds it."""
    out = {}
    code = re.sub(r"\s+", " ", lib_code)
    for m in re.finditer(r"\buse ((?:\w+::)+)(\{[^}]*\}|\w+(?: as \w+)?|\*)", code):
        base = tuple(s for s in m.group(1).split("::") if s)
        target = resolve(("lib",) + base, modules)
        if target is None:
            continue
        what = m.group(2)
        if what == "*":
            files = [src / Path(*base).with_suffix(".rs"), src / Path(*base) / "mod.rs"]
            for f in files:
                if f.is_file():
                    text = f.read_text(encoding="utf-8")
                    for n in re.findall(r"pub (?:struct|enum|trait|type|fn|const|static) (\w+)", text):
                        out.setdefault(n, target)
                    for n in re.findall(r"pub use [\w:]*?(\w+);", text):
                        out.setdefault(n, target)
            continue
        for item in what.strip("{}").split(","):
            item = item.strip()
            if not item:
                continue
            first = item.split("::")[0].split(" as ")[0].strip()
            alias = item.split(" as ")[-1].strip().split("::")[-1]
            deeper = resolve(("lib",) + base + (first,), modules) or target
            out[alias] = deeper
    return out


def read_tree(root, skip_dirs=()):
    files = [
        p
        for p in root.rglob("*.rs")
        if not p.stem.endswith("tests") and not any(d in p.parts for d in skip_dirs)
    ]
    return {module_of(p, root): strip_tests(p.read_text(encoding="utf-8")) for p in files}


def layers(repo):
    text = (repo / "tests/it/architecture.rs").read_text(encoding="utf-8")
    block = text[text.index("const LAYERS") : text.index("];", text.index("const LAYERS"))]
    order = {}
    for i, line in enumerate(re.findall(r"&\[([^\]]*)\]", block.split("=", 1)[1])):
        for name in re.findall(r'"(\w+)"', line):
            order[name] = i
    return order


def cycles(nodes, edges):
    """Elementary cycles (Johnson's idea, simply: each cycle from its smallest node)."""
    found = []
    order = sorted(nodes)
    for s in order:
        stack = [(s, [s])]
        while stack:
            v, path = stack.pop()
            for w in sorted(edges.get(v, ())):
                if w == s:
                    found.append(path)
                elif w > s and w not in path:
                    stack.append((w, path + [w]))
    return found


def sccs(nodes, edges):
    index, low, on, st, out = {}, {}, set(), [], []
    counter = [0]
    sys.setrecursionlimit(100000)

    def go(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        st.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                go(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = st.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(comp)

    for v in sorted(nodes):
        if v not in index:
            go(v)
    return [c for c in out if len(c) > 1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repo", default=str(Path(__file__).resolve().parent.parent))
    ap.add_argument("--edges", action="store_true", help="print every top-level edge")
    args = ap.parse_args()
    repo = Path(args.repo)
    lib = read_tree(repo / "src", skip_dirs=("bin",))
    bin_root = repo / "src/bin/zanlex"
    door = read_tree(bin_root)
    modules = {("lib",) + m for m in lib} | {("bin",) + m for m in door}
    reexports = root_reexports(repo / "src", (repo / "src/lib.rs").read_text(encoding="utf-8"), modules)
    edges = defaultdict(set)
    for m, code in lib.items():
        for p in imports(code, m, "crate"):
            t = resolve(("lib",) + p, modules, reexports)
            if t and t != ("lib",) + m:
                edges[("lib",) + m].add(t)
    for m, code in door.items():
        for p in imports(code, m, "crate"):
            t = resolve(("bin",) + p, modules, {})
            if t and t != ("bin",) + m:
                edges[("bin",) + m].add(t)
        for p in imports(code, m, "zanlex"):
            t = resolve(("lib",) + p, modules, reexports)
            if t:
                edges[("bin",) + m].add(t)

    def top(m):
        if len(m) == 1:
            return m[0] + ":(root)"
        return ("bin:" if m[0] == "bin" else "") + m[1]

    top_edges = defaultdict(set)
    for a, bs in edges.items():
        for b in bs:
            ta, tb = top(a), top(b)
            if ta != tb and not tb.endswith("(root)") and not ta.endswith("(root)"):
                top_edges[ta].add(tb)
    top_nodes = {top(m) for m in modules if len(m) > 1}
    order = layers(repo)
    back = []
    for a, bs in sorted(top_edges.items()):
        for b in sorted(bs):
            if a in order and b in order and order[b] > order[a]:
                back.append(f"{a} -> {b}")
            if a in DOORS and b in DOORS:
                back.append(f"{a} -> {b} (a door naming another door)")
    top_cycles = cycles(top_nodes, top_edges)
    n_top_edges = sum(len(v) for v in top_edges.values())
    print(f"top level: {len(top_nodes)} modules, {n_top_edges} edges")
    if args.edges:
        for a in sorted(top_edges):
            print(f"  {a} -> {', '.join(sorted(top_edges[a]))}")
    print(f"  circles: {len(top_cycles)}")
    for c in top_cycles:
        print("    " + " -> ".join(c + [c[0]]))
    print(f"  imports running back up: {len(back)}")
    for b in back:
        print("    " + b)
    name = lambda m: ("bin:" if m[0] == "bin" else "") + "::".join(m[1:])
    mod_edges = {name(a): {name(b) for b in bs} for a, bs in edges.items()}
    mod_nodes = {name(m) for m in modules}
    comps = sccs(mod_nodes, mod_edges)
    pairs = sorted(
        {tuple(sorted((a, b))) for a, bs in mod_edges.items() for b in bs if a in mod_edges.get(b, ())}
    )
    n_edges = sum(len(v) for v in mod_edges.values())
    print(f"modules: {len(mod_nodes)} modules, {n_edges} edges")
    print(
        f"  circles: {len(comps)} groups of modules in a circle "
        f"({sum(len(c) for c in comps)} modules), {len(pairs)} pairs importing each other"
    )
    for c in sorted(sorted(c) for c in comps):
        print("    {" + ", ".join(sorted(c)) + "}")
    for a, b in pairs:
        print(f"    {a} <-> {b}")


if __name__ == "__main__":
    main()
