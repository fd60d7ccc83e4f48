-- Rows of a fresh vtiger 5.4.0 install: home.
-- Applied once, and only to a database that had no vtiger metadata yet.
INSERT INTO `vtiger_homedefault` VALUES
(1,'ALVT',5,'Accounts'),
(2,'HDB',5,'Dashboard'),
(3,'PLVT',5,'Potentials'),
(4,'QLTQ',5,'Quotes'),
(5,'CVLVT',5,'NULL'),
(6,'HLT',5,'HelpDesk'),
(7,'UA',5,'Calendar'),
(8,'GRT',5,'NULL'),
(9,'OLTSO',5,'SalesOrder'),
(10,'ILTI',5,'Invoice'),
(11,'MNL',5,'Leads'),
(12,'OLTPO',5,'PurchaseOrder'),
(13,'PA',5,'Calendar'),
(14,'LTFAQ',5,'Faq');
INSERT INTO `vtiger_homestuff` VALUES
(1,1,'Default',1,0,'Top Accounts'),
(2,2,'Default',1,0,'Home Page Dashboard'),
(3,3,'Default',1,0,'Top Potentials'),
(4,4,'Default',1,0,'Top Quotes'),
(5,5,'Default',1,0,'Key Metrics'),
(6,6,'Default',1,0,'Top Trouble Tickets'),
(7,7,'Default',1,0,'Upcoming Activities'),
(8,8,'Default',1,0,'My Group Allocation'),
(9,9,'Default',1,0,'Top Sales Orders'),
(10,10,'Default',1,0,'Top Invoices'),
(11,11,'Default',1,0,'My New Leads'),
(12,12,'Default',1,0,'Top Purchase Orders'),
(13,13,'Default',1,0,'Pending Activities'),
(14,14,'Default',1,0,'My Recent FAQs'),
(15,15,'Tag Cloud',1,1,'Tag Cloud');
INSERT INTO `vtiger_homestuff_seq` VALUES
(15);
