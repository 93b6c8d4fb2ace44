"""Readers for TABARI/PETRARCH dictionaries (actors, agents, CAMEO verbs).

Analysts keep actor lists in this format; reading it lets them bring their own.
``actors.py`` reads actor and agent dictionaries, ``verbs.py`` CAMEO verb dictionaries.
"""
