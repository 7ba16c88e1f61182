"""The short names of days and months in each language prep speaks, from the CLDR data Babel ships.

Written by tools/catalogs.py, which a test runs to check it; do not edit. Kept as code rather than
read from Babel as prep starts: the home screen shows dates in its first frame.
"""

DAYS = {'en': ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'), 'de': ('Mo.', 'Di.', 'Mi.', 'Do.', 'Fr.', 'Sa.', 'So.')}  # Monday first
MONTHS = {'en': ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'), 'de': ('Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.')}  # January first
