"""The type stubs and docstrings ship with the package and describe what the module has."""

import ast
import inspect
from pathlib import Path

import pagepith


def test_every_public_name_has_a_stub_and_every_function_a_docstring():
    """_pagepith.pyi declares each name pagepith exports, with the runtime's parameters."""
    stub_file = Path(pagepith.__file__).with_name("_pagepith.pyi")
    assert Path(pagepith.__file__).with_name("py.typed").is_file()
    tree = ast.parse(stub_file.read_text())
    stubs = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            stubs.setdefault(node.name, node)
        elif isinstance(node, ast.AnnAssign):
            stubs[node.target.id] = node
    for name in pagepith.__all__:
        assert name in stubs, name
        obj = getattr(pagepith, name)
        if inspect.isbuiltin(obj) or inspect.isfunction(obj):
            assert obj.__doc__ and len(obj.__doc__) > 80, name
            runtime = list(inspect.signature(obj).parameters)
            stub = stubs[name].args
            declared = [a.arg for a in stub.args + stub.kwonlyargs]
            assert declared == runtime, name


def test_the_package_docstring_example_runs():
    """The example at the top of help(pagepith) gives what it shows."""
    import doctest

    result = doctest.testmod(pagepith)
    assert result.attempted > 0 and result.failed == 0
