"""The shape docs/architecture.md describes: no module of `core` imports itself back."""

import grimp


def test_no_module_in_core_is_part_of_an_import_loop():
    graph = grimp.build_graph("core")
    loops = [
        (module, *chain)
        for module in sorted(graph.modules)
        for imported in graph.find_modules_directly_imported_by(module)
        if (chain := graph.find_shortest_chain(importer=imported, imported=module))
    ]
    assert loops == [], "import loops: " + "; ".join(" -> ".join(loop) for loop in loops)
