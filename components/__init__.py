"""Custom Rasa NLU components for the vertebroplasty assistant.

Importing this package (Rasa does, to load the components named in config.yml) also applies
the measured Rasa 3.6 performance fixes in `components.rasa_fixes`.
"""
from components.rasa_fixes import (resolve_event_types_from_a_table,
                                   run_graphs_from_a_cached_plan,
                                   validate_action_results_with_one_validator)

validate_action_results_with_one_validator()
resolve_event_types_from_a_table()
run_graphs_from_a_cached_plan()
