-- The chain's head (audit_chain_link's `ORDER BY seq DESC LIMIT 1`) is read once per audit row,
-- under the city's lock. Its plan is made once per connection and kept: made while the chain held
-- a few rows and its statistics said so, it is a scan of the whole table and a sort, and it stays
-- one as the chain grows, until something analyzes the table again (autovacuum on PostgreSQL, and
-- nothing on the embedded store). Measured: case detail at 10 connections fell from 1,048 to
-- 817 req/s over three 6-second rounds, the chain read 39.5 million rows in 6,249 such scans.
-- Without sequential scans the one plan left is the primary key's index, read backwards: one row.
ALTER FUNCTION audit_chain_link(audit_log, timestamptz) SET enable_seqscan = off;
