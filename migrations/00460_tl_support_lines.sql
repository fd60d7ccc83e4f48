-- Tigerline tables: support lines and the tickets support calls opened.
-- tl_support_lines marks the DIDs, queues and extensions whose answered
-- calls open a HelpDesk ticket against the caller's service contract,
-- with the ticket's default priority and category and the window in
-- which an open ticket of the same caller is offered for reuse. value is
-- kept normalised (a DID as its digits), so a call matches it directly.
-- tl_support_calls holds one row per support call, keyed on the call's
-- (gateway, sourceuuid) like vtiger_pbxmanager: inserting it first claims
-- the call, so replays and several nodes open exactly one ticket. It also
-- remembers the talk time already added to the ticket, so a call's time
-- is counted once however often its end is seen.
-- IF NOT EXISTS: safe to re-run on an existing database.

-- +goose NO TRANSACTION
-- +goose Up

CREATE TABLE IF NOT EXISTS `tl_support_lines` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `kind` varchar(8) NOT NULL,
  `value` varchar(100) NOT NULL,
  `name` varchar(100) NOT NULL DEFAULT '',
  `priority` varchar(200) NOT NULL DEFAULT 'Normal',
  `category` varchar(200) NOT NULL DEFAULT '',
  `repeat_window` int(11) NOT NULL DEFAULT 0,
  `created_at` datetime NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `tl_support_lines_value` (`kind`, `value`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `tl_support_calls` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `gateway` varchar(20) NOT NULL,
  `sourceuuid` varchar(100) NOT NULL,
  `line_id` int(11) NOT NULL,
  `ticketid` int(19) DEFAULT NULL,
  `created_ticket` tinyint(1) NOT NULL DEFAULT 0,
  `contractid` int(19) DEFAULT NULL,
  `contactid` int(19) DEFAULT NULL,
  `accountid` int(19) DEFAULT NULL,
  `pbxmanagerid` int(19) DEFAULT NULL,
  `customer_number` varchar(50) NOT NULL DEFAULT '',
  `talk_seconds` int(11) NOT NULL DEFAULT 0,
  `claimed_at` datetime NOT NULL,
  `updated_at` datetime NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `tl_support_calls_source` (`gateway`, `sourceuuid`),
  KEY `tl_support_calls_ticket` (`ticketid`),
  KEY `tl_support_calls_number` (`customer_number`, `claimed_at`),
  KEY `tl_support_calls_contact` (`contactid`, `claimed_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
