-- A request's history (the officer's request view, the status page's follow-ups) is read by its reference: from an
-- index, in the log's order, rather than by a scan of the whole log, which grows with every request.
CREATE INDEX audit_reference ON audit (reference, id);
