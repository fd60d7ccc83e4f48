-- Tigerline table: the calls in progress on every PBX, so that any node
-- can rebuild a pop or the supervisor dashboard after a page reload
-- (vtiger_pbxmanager keeps only ended calls, without queue or agents).
-- The node following a PBX writes a row per call at each change (ringing,
-- answered) and marks it ended when the call ends; an ended row is kept
-- a while as a tombstone so that a replayed snapshot cannot revive it.
-- call_json is crm.LiveCall encoded as JSON.
-- IF NOT EXISTS: safe to re-run on an existing database.

-- +goose NO TRANSACTION
-- +goose Up

CREATE TABLE IF NOT EXISTS `tl_live_calls` (
  `gateway` varchar(20) NOT NULL,
  `sourceuuid` varchar(100) NOT NULL,
  `ended` tinyint(1) NOT NULL DEFAULT 0,
  `started_at` datetime NOT NULL,
  `updated_at` datetime(3) NOT NULL,
  `call_json` mediumtext NOT NULL,
  PRIMARY KEY (`gateway`, `sourceuuid`),
  KEY `tl_live_calls_open` (`ended`, `updated_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
