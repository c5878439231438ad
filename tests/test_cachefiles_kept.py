"""Lists of strings built once and kept in the cache dir."""

from aligncheck._runtime.cachefiles import kept_strings


def test_a_list_is_built_once_then_read_back(tmp_path):
    calls = []
    build = lambda: calls.append(1) or ["kk", "az"]  # noqa: E731
    path = tmp_path / "lists" / "langs.json"
    assert kept_strings(path, build) == ("kk", "az")
    assert kept_strings(path, build) == ("kk", "az") and len(calls) == 1


def test_a_damaged_or_wrongly_typed_file_is_built_again(tmp_path):
    path = tmp_path / "langs.json"
    for damage in ("not json", '{"kk": 1}', '["kk", 3]'):
        path.write_text(damage)
        assert kept_strings(path, lambda: ["ru"]) == ("ru",)


def test_an_empty_stored_list_counts_only_where_empty_is_allowed(tmp_path):
    path = tmp_path / "langs.json"
    path.write_text("[]")
    assert kept_strings(path, lambda: ["tk"]) == ()
    assert kept_strings(path, lambda: ["tk"], nonempty=True) == ("tk",)
