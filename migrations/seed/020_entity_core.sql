-- Rows of a fresh vtiger 5.4.0 install: entity core.
-- Applied once, and only to a database that had no vtiger metadata yet.
INSERT INTO `vtiger_crmentity_seq` VALUES
(1);
INSERT INTO `vtiger_modentity_num` VALUES
(1,'Leads','LEA','1','1','1'),
(2,'Accounts','ACC','1','1','1'),
(3,'Campaigns','CAM','1','1','1'),
(4,'Contacts','CON','1','1','1'),
(5,'Potentials','POT','1','1','1'),
(6,'HelpDesk','TT','1','1','1'),
(7,'Quotes','QUO','1','1','1'),
(8,'SalesOrder','SO','1','1','1'),
(9,'PurchaseOrder','PO','1','1','1'),
(10,'Invoice','INV','1','1','1'),
(11,'Products','PRO','1','1','1'),
(12,'Vendors','VEN','1','1','1'),
(13,'PriceBooks','PB','1','1','1'),
(14,'Faq','FAQ','1','1','1'),
(15,'Documents','DOC','1','1','1'),
(16,'ServiceContracts','SERCON','1','1','1'),
(17,'Services','SER','1','1','1');
INSERT INTO `vtiger_modentity_num_seq` VALUES
(17);
