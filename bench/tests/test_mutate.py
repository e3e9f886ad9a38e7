"""`make mutate` breaks the code by replacing text: each text must still be there,
or the mutation would break nothing and prove nothing."""

import pytest

from bench.mutate import MUTATIONS, ROOT


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda mutation: mutation.name)
def test_each_mutation_finds_the_code_it_breaks(mutation):
    assert (ROOT / mutation.path).read_text().count(mutation.old) == 1
