"""The reader's own rules (issue 18): [[filter]] rules, [[query]] saved searches, per-feed settings
and the settings of staying fresh and alerting, parsed from the config by these modules."""
