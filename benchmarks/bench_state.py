"""State files: save_state plus loading the file back, for 10,000 numbers (issue 12).

The fake holds 1,000 completed orders of ten numbers each, a tenth of the numbers in the deletion
queue and a tenth associated with a Voice Connector. Goal: saving and loading together under 1 s.

Run: python benchmarks/bench_state.py [--rounds N] [--numbers N]
Like `timeit`, the fastest of the rounds is reported.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import tempfile
import time
from pathlib import Path

from chime_mock.backend import Backend, Scope, associations
from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory, delete_number
from chime_mock.backend.phone_numbers.orders import create_order
from chime_mock.backend.state import files as state_file
from chime_mock.backend.voice_connectors import connectors
from chime_mock.protocol import catalog

SCOPE = Scope.of("chime-sdk-voice", "123456789012", "us-east-1")


def filled(numbers: int, now: _dt.datetime) -> Backend:
    backend = Backend(phone_number_limit=None)
    with backend.lock:
        for first in range(0, numbers, 10):
            e164s = [f"+1206555{index:04d}" for index in range(first, min(first + 10, numbers))]
            create_order(backend, SCOPE, "VoiceConnector", e164s, now)
        backend.settle(now)
        # The connector the numbers are associated with: a state file must hold what its
        # associations name.
        connector = connectors.create_connector(
            backend.inventory(SCOPE),
            {"Name": "trunk", "RequireEncryption": True},
            backend.quotas,
            backend.next_seq(),
            now,
        )
        for index, number in enumerate(
            list(PhoneNumberInventory.of(backend.inventory(SCOPE)).numbers.values())
        ):
            if index % 10 == 1:
                delete_number(backend, SCOPE, number.phone_number_id, now)
            elif index % 10 == 2:
                target = (associations.VOICE_CONNECTOR, connector.voice_connector_id)
                inventory = backend.inventory(SCOPE)
                associations.associate(inventory, target, [number.e164], False, now)
    return backend


def measure(rounds: int, numbers: int) -> tuple[float, float]:
    """Fastest (save seconds, load seconds)."""
    now = _dt.datetime.now(_dt.timezone.utc)
    backend = filled(numbers, now)
    saves, loads = [], []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "state.json"
        for _ in range(rounds):
            start = time.perf_counter()
            with backend.lock:
                state_file.save(backend, path, now)
            saves.append(time.perf_counter() - start)
            start = time.perf_counter()
            loaded = state_file.load(path, catalog.enum_values)
            loads.append(time.perf_counter() - start)
            assert len(PhoneNumberInventory.of(loaded.inventory(SCOPE)).numbers) == numbers
    return min(saves), min(loads)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--numbers", type=int, default=10_000)
    arguments = parser.parse_args()
    save, load = measure(arguments.rounds, arguments.numbers)
    print(
        f"state file of {arguments.numbers:,} numbers: save {save * 1e3:.0f} ms + load "
        f"{load * 1e3:.0f} ms = {(save + load) * 1e3:.0f} ms, {save + load:.2f}x the goal (< 1 s)"
    )


if __name__ == "__main__":
    main()
