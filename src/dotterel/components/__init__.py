"""dotterel's spaCy components, one per module; importing this package registers them.

=========================  =======================================================
factory                    module
=========================  =======================================================
``dotterel_actors``        :mod:`dotterel.components.actors`
``dotterel_places``        :mod:`dotterel.components.places`
``dotterel_dates``         :mod:`dotterel.components.dates`
``dotterel_attribution``   :mod:`dotterel.components.attribution`
``dotterel_events``        :mod:`dotterel.components.events`
``dotterel_provenance``    :mod:`dotterel.components.provenance`
=========================  =======================================================
"""

from dotterel.components import (  # noqa: F401
    actors,
    attribution,
    dates,
    events,
    places,
    provenance,
)
