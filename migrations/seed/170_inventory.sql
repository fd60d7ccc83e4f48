-- Rows of a fresh vtiger 5.4.0 install: inventory.
-- Applied once, and only to a database that had no vtiger metadata yet.
INSERT INTO `vtiger_inventory_tandc` VALUES
(1,'Inventory','\n - Unless otherwise agreed in writing by the supplier all invoices are payable within thirty (30) days of the date of invoice, in the currency of the invoice, drawn on a bank based in India or by such other method as is agreed in advance by the Supplier.\n\n - All prices are not inclusive of VAT which shall be payable in addition by the Customer at the applicable rate.');
INSERT INTO `vtiger_inventory_tandc_seq` VALUES
(1);
INSERT INTO `vtiger_inventorynotification` VALUES
(1,'InvoiceNotification','{PRODUCTNAME} Stock Level is Low','Dear {HANDLER},\n\nThe current stock of {PRODUCTNAME} in our warehouse is {CURRENTSTOCK}. Kindly procure required number of units as the stock level is below reorder level {REORDERLEVELVALUE}.\n\nPlease treat this information as Urgent as the invoice is already sent  to the customer.\n\nSeverity: Critical\n\nThanks,\n{CURRENTUSER} ','InvoiceNotificationDescription',NULL),
(2,'QuoteNotification','Quote given for {PRODUCTNAME}','Dear {HANDLER},\n\nQuote is generated for {QUOTEQUANTITY} units of {PRODUCTNAME}. The current stock of {PRODUCTNAME} in our warehouse is {CURRENTSTOCK}.\n\nSeverity: Minor\n\nThanks,\n{CURRENTUSER} ','QuoteNotificationDescription',NULL),
(3,'SalesOrderNotification','Sales Order generated for {PRODUCTNAME}','Dear {HANDLER},\n\nSalesOrder is generated for {SOQUANTITY} units of {PRODUCTNAME}. The current stock of {PRODUCTNAME} in our warehouse is {CURRENTSTOCK}.\n\nPlease treat this information  with priority as the sales order is already generated.\n\nSeverity: Major\n\nThanks,\n{CURRENTUSER} ','SalesOrderNotificationDescription',NULL);
INSERT INTO `vtiger_inventorynotification_seq` VALUES
(3);
INSERT INTO `vtiger_inventorytaxinfo` VALUES
(1,'tax1','VAT',4.500,0),
(2,'tax2','Sales',10.000,0),
(3,'tax3','Service',12.500,0);
INSERT INTO `vtiger_inventorytaxinfo_seq` VALUES
(3);
INSERT INTO `vtiger_shippingtaxinfo` VALUES
(1,'shtax1','VAT',4.500,0),
(2,'shtax2','Sales',10.000,0),
(3,'shtax3','Service',12.500,0);
INSERT INTO `vtiger_shippingtaxinfo_seq` VALUES
(3);
