-- Rows of a fresh vtiger 5.4.0 install: optional modules.
-- Applied once, and only to a database that had no vtiger metadata yet.
INSERT INTO `vtiger_mobile_alerts` VALUES
(12,'modules/Mobile/api/ws/models/alerts/IdleTicketsOfMine.php','Mobile_WS_AlertModel_IdleTicketsOfMine',NULL,0),
(13,'modules/Mobile/api/ws/models/alerts/NewTicketOfMine.php','Mobile_WS_AlertModel_NewTicketOfMine',NULL,0),
(14,'modules/Mobile/api/ws/models/alerts/PendingTicketsOfMine.php','Mobile_WS_AlertModel_PendingTicketsOfMine',NULL,0),
(15,'modules/Mobile/api/ws/models/alerts/PotentialsDueIn5Days.php','Mobile_WS_AlertModel_PotentialsDueIn5Days',NULL,0),
(16,'modules/Mobile/api/ws/models/alerts/EventsOfMineToday.php','Mobile_WS_AlertModel_EventsOfMineToday',NULL,0),
(17,'modules/Mobile/api/ws/models/alerts/ProjectTasksOfMine.php','Mobile_WS_AlertModel_ProjectTasksOfMine',NULL,0),
(18,'modules/Mobile/api/ws/models/alerts/Projects.php','Mobile_WS_AlertModel_Projects',NULL,0);
INSERT INTO `vtiger_wsapp` VALUES
(1,'vtigerCRM','6b09c0e3aca65','user');
INSERT INTO `vtiger_wsapp_handlerdetails` VALUES
('Outlook','OutlookHandler','modules/WSAPP/Handlers/OutlookHandler.php'),
('vtigerCRM','vtigerCRMHandler','modules/WSAPP/Handlers/vtigerCRMHandler.php');
