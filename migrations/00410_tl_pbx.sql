-- Tigerline tables: PBX connections and their status. vtiger 5.4 keeps one
-- AMI server in vtiger_asterisk (still read as is, as the PBX "vtiger");
-- tl_pbx adds ARI and several PBXs, each with the dialplan facts the call
-- tracker needs. tl_pbx_status holds what the node holding a connection
-- last saw, keyed by PBX name so vtiger's PBX has one too.
-- List columns hold one entry per line (trunk patterns are regular
-- expressions and may contain commas). The secret is stored as AMI and ARI
-- need it, like vtiger_asterisk.password.
-- IF NOT EXISTS: safe to re-run on an existing database.

-- +goose NO TRANSACTION
-- +goose Up

CREATE TABLE IF NOT EXISTS `tl_pbx` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(20) NOT NULL,
  `kind` varchar(8) NOT NULL DEFAULT 'ami',
  `address` varchar(255) NOT NULL,
  `username` varchar(100) NOT NULL,
  `secret` varchar(255) NOT NULL,
  `version` varchar(10) NOT NULL DEFAULT 'auto',
  `ari_app` varchar(100) NOT NULL DEFAULT '',
  `ari_mode` varchar(16) NOT NULL DEFAULT '',
  `inbound_contexts` text NOT NULL,
  `outbound_contexts` text NOT NULL,
  `trunk_channels` text NOT NULL,
  `dids` text NOT NULL,
  `enabled` tinyint(1) NOT NULL DEFAULT 1,
  `created_at` datetime NOT NULL,
  `updated_at` datetime NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `tl_pbx_name` (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `tl_pbx_status` (
  `name` varchar(20) NOT NULL,
  `state` varchar(20) NOT NULL,
  `last_error` varchar(1000) NOT NULL DEFAULT '',
  `since` datetime NOT NULL,
  `updated_at` datetime NOT NULL,
  PRIMARY KEY (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
