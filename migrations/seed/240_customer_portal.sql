-- Rows of a fresh vtiger 5.4.0 install: customer portal.
-- Applied once, and only to a database that had no vtiger metadata yet.
INSERT INTO `vtiger_customerportal_prefs` VALUES
(0,'defaultassignee',1),
(0,'userid',1),
(4,'showrelatedinfo',1),
(6,'showrelatedinfo',1),
(8,'showrelatedinfo',1),
(13,'showrelatedinfo',1),
(14,'showrelatedinfo',1),
(15,'showrelatedinfo',1),
(20,'showrelatedinfo',1),
(23,'showrelatedinfo',1),
(38,'showrelatedinfo',1),
(41,'showrelatedinfo',1),
(46,'showrelatedinfo',1),
(47,'showrelatedinfo',1),
(48,'showrelatedinfo',1);
INSERT INTO `vtiger_customerportal_tabs` VALUES
(4,1,9),
(6,1,10),
(8,1,8),
(13,1,2),
(14,1,6),
(15,1,3),
(20,1,5),
(23,1,4),
(38,1,7),
(41,1,11),
(46,1,12),
(47,1,13),
(48,1,14);
