"""dotterel's spaCy components, one per module or package; importing this registers them.

=========================  =======================================================
factory                    module
=========================  =======================================================
``dotterel_actors``        :mod:`dotterel.components.actors`
``dotterel_places``        :mod:`dotterel.components.places`
``dotterel_dates``         :mod:`dotterel.components.dates`
``dotterel_attribution``   :mod:`dotterel.components.attribution`
``dotterel_events``        :mod:`dotterel.components.events`
``dotterel_event_places``  :mod:`dotterel.components.event_places`
``dotterel_event_dates``   :mod:`dotterel.components.event_dates`
``dotterel_provenance``    :mod:`dotterel.components.provenance`
=========================  =======================================================
"""

from dotterel.components import (
    actors,
    attribution,
    dates,
    event_dates,
    event_places,
    events,
    places,
    provenance,
)

__all__ = [
    "actors",
    "attribution",
    "dates",
    "event_dates",
    "event_places",
    "events",
    "places",
    "provenance",
]
