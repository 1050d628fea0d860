"""Accounts on servers (FreshRSS and other Google Reader API servers, Miniflux): their
clients, the sync of subscriptions, headlines and read/starred state, and the queue of changes
not yet pushed."""
