-- Rows of a fresh vtiger 5.4.0 install: documents.
-- Applied once, and only to a database that had no vtiger metadata yet.
INSERT INTO `vtiger_attachmentsfolder` VALUES
(1,'Default','This is a Default Folder',1,1);
INSERT INTO `vtiger_attachmentsfolder_seq` VALUES
(1);
