-- An edited copy of a registered speech (a changed line, a paragraph added) belongs to the meeting its first copy
-- became: it is kept as its own import, pointing at the registered one it was found to match and how closely, so
-- registering it adds only the items that are new in it.
alter table speech_import add column revision_of bigint references speech_import (id);
alter table speech_import add column similarity numeric(4, 3);
