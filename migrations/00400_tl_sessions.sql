-- Tigerline table: web sessions. vtiger keeps PHP sessions on disk; Tigerline
-- nodes are stateless, so sessions live here and any node can serve any request.
-- id is the hex SHA-256 of the cookie token: a leaked table cannot be replayed.
-- IF NOT EXISTS: safe to re-run on an existing database.

-- +goose NO TRANSACTION
-- +goose Up

CREATE TABLE IF NOT EXISTS `tl_sessions` (
  `id` char(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  `userid` int(19) NOT NULL,
  `csrf_token` varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  `created_at` datetime NOT NULL,
  `last_seen_at` datetime NOT NULL,
  `expires_at` datetime NOT NULL,
  `user_agent` varchar(255) NOT NULL DEFAULT '',
  `remote_addr` varchar(64) NOT NULL DEFAULT '',
  PRIMARY KEY (`id`),
  KEY `tl_sessions_userid_idx` (`userid`),
  KEY `tl_sessions_expires_at_idx` (`expires_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
