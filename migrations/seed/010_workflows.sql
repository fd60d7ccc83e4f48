-- Rows of a fresh vtiger 5.4.0 install: workflows.
-- Applied once, and only to a database that had no vtiger metadata yet.
INSERT INTO `com_vtiger_workflows` VALUES
(1,'Invoice','UpdateInventoryProducts On Every Save','[{\"fieldname\":\"subject\",\"operation\":\"does not contain\",\"value\":\"`!`\"}]',3,1,'basic'),
(2,'Accounts','Send Email to user when Notifyowner is True','[{\"fieldname\":\"notify_owner\",\"operation\":\"is\",\"value\":\"true:boolean\"}]',2,1,'basic'),
(3,'Contacts','Send Email to user when Notifyowner is True','[{\"fieldname\":\"notify_owner\",\"operation\":\"is\",\"value\":\"true:boolean\"}]',2,1,'basic'),
(4,'Contacts','Send Email to user when Portal User is True','[{\"fieldname\":\"portal\",\"operation\":\"is\",\"value\":\"true:boolean\"}]',2,1,'basic'),
(5,'Potentials','Send Email to users on Potential creation',NULL,1,1,'basic'),
(6,'Contacts','Workflow for Contact Creation or Modification','',3,1,'basic'),
(7,'HelpDesk','Workflow for Ticket Created from Portal','[{\"fieldname\":\"from_portal\",\"operation\":\"is\",\"value\":\"true:boolean\"}]',1,1,'basic'),
(8,'HelpDesk','Workflow for Ticket Updated from Portal','[{\"fieldname\":\"from_portal\",\"operation\":\"is\",\"value\":\"true:boolean\"}]',4,1,'basic'),
(9,'HelpDesk','Workflow for Ticket Change, not from the Portal','[{\"fieldname\":\"from_portal\",\"operation\":\"is\",\"value\":\"false:boolean\"}]',3,1,'basic'),
(10,'Events','Workflow for Events when Send Notification is True','[{\"fieldname\":\"sendnotification\",\"operation\":\"is\",\"value\":\"true:boolean\"}]',3,1,'basic'),
(11,'Calendar','Workflow for Calendar Todos when Send Notification is True','[{\"fieldname\":\"sendnotification\",\"operation\":\"is\",\"value\":\"true:boolean\"}]',3,1,'basic');
INSERT INTO `com_vtiger_workflows_seq` VALUES
(11);
INSERT INTO `com_vtiger_workflowtasks` VALUES
(1,1,'','O:18:\"VTEntityMethodTask\":6:{s:18:\"executeImmediately\";b:1;s:10:\"workflowId\";i:1;s:7:\"summary\";s:0:\"\";s:6:\"active\";b:1;s:10:\"methodName\";s:15:\"UpdateInventory\";s:2:\"id\";i:1;}'),
(2,2,'An account has been created ','O:11:\"VTEmailTask\":9:{s:18:\"executeImmediately\";b:0;s:10:\"workflowId\";i:2;s:7:\"summary\";s:28:\"An account has been created \";s:6:\"active\";b:1;s:10:\"methodName\";s:11:\"NotifyOwner\";s:9:\"recepient\";s:36:\"$(assigned_user_id : (Users) email1)\";s:7:\"subject\";s:26:\"Regarding Account Creation\";s:7:\"content\";s:301:\"An Account has been assigned to you on vtigerCRM<br>Details of account are :<br><br>AccountId:<b>$account_no</b><br>AccountName:<b>$accountname</b><br>Rating:<b>$rating</b><br>Industry:<b>$industry</b><br>AccountType:<b>$accounttype</b><br>Description:<b>$description</b><br><br><br>Thank You<br>Admin\";s:2:\"id\";i:2;}'),
(3,3,'An contact has been created ','O:11:\"VTEmailTask\":9:{s:18:\"executeImmediately\";b:0;s:10:\"workflowId\";i:3;s:7:\"summary\";s:28:\"An contact has been created \";s:6:\"active\";b:1;s:10:\"methodName\";s:11:\"NotifyOwner\";s:9:\"recepient\";s:36:\"$(assigned_user_id : (Users) email1)\";s:7:\"subject\";s:26:\"Regarding Contact Creation\";s:7:\"content\";s:305:\"An Contact has been assigned to you on vtigerCRM<br>Details of Contact are :<br><br>Contact Id:<b>$contact_no</b><br>LastName:<b>$lastname</b><br>FirstName:<b>$firstname</b><br>Lead Source:<b>$leadsource</b><br>Department:<b>$department</b><br>Description:<b>$description</b><br><br><br>Thank You<br>Admin\";s:2:\"id\";i:3;}'),
(4,4,'An contact has been created ','O:11:\"VTEmailTask\":9:{s:18:\"executeImmediately\";b:0;s:10:\"workflowId\";i:4;s:7:\"summary\";s:28:\"An contact has been created \";s:6:\"active\";b:1;s:10:\"methodName\";s:11:\"NotifyOwner\";s:9:\"recepient\";s:36:\"$(assigned_user_id : (Users) email1)\";s:7:\"subject\";s:28:\"Regarding Contact Assignment\";s:7:\"content\";s:384:\"An Contact has been assigned to you on vtigerCRM<br>Details of Contact are :<br><br>Contact Id:<b>$contact_no</b><br>LastName:<b>$lastname</b><br>FirstName:<b>$firstname</b><br>Lead Source:<b>$leadsource</b><br>Department:<b>$department</b><br>Description:<b>$description</b><br><br><br>And <b>CustomerPortal Login Details</b> is sent to the EmailID :-$email<br><br>Thank You<br>Admin\";s:2:\"id\";i:4;}'),
(5,5,'An Potential has been created ','O:11:\"VTEmailTask\":8:{s:18:\"executeImmediately\";b:0;s:10:\"workflowId\";i:5;s:7:\"summary\";s:30:\"An Potential has been created \";s:6:\"active\";b:1;s:9:\"recepient\";s:36:\"$(assigned_user_id : (Users) email1)\";s:7:\"subject\";s:30:\"Regarding Potential Assignment\";s:7:\"content\";s:325:\"An Potential has been assigned to you on vtigerCRM<br>Details of Potential are :<br><br>Potential No:<b>$potential_no</b><br>Potential Name:<b>$potentialname</b><br>Amount:<b>$amount</b><br>Expected Close Date:<b>$closingdate</b><br>Type:<b>$opportunity_type</b><br><br><br>Description :$description<br><br>Thank You<br>Admin\";s:2:\"id\";i:5;}'),
(6,6,'Email Customer Portal Login Details','O:18:\"VTEntityMethodTask\":6:{s:18:\"executeImmediately\";b:1;s:10:\"workflowId\";i:6;s:7:\"summary\";s:35:\"Email Customer Portal Login Details\";s:6:\"active\";b:1;s:10:\"methodName\";s:22:\"SendPortalLoginDetails\";s:2:\"id\";i:6;}'),
(7,7,'Notify Record Owner and the Related Contact when Ticket is created from Portal','O:18:\"VTEntityMethodTask\":6:{s:18:\"executeImmediately\";b:1;s:10:\"workflowId\";i:7;s:7:\"summary\";s:78:\"Notify Record Owner and the Related Contact when Ticket is created from Portal\";s:6:\"active\";b:1;s:10:\"methodName\";s:28:\"NotifyOnPortalTicketCreation\";s:2:\"id\";i:7;}'),
(8,8,'Notify Record Owner when Comment is added to a Ticket from Customer Portal','O:18:\"VTEntityMethodTask\":6:{s:18:\"executeImmediately\";b:1;s:10:\"workflowId\";i:8;s:7:\"summary\";s:74:\"Notify Record Owner when Comment is added to a Ticket from Customer Portal\";s:6:\"active\";b:1;s:10:\"methodName\";s:27:\"NotifyOnPortalTicketComment\";s:2:\"id\";i:8;}'),
(9,9,'Notify Record Owner on Ticket Change, which is not done from Portal','O:18:\"VTEntityMethodTask\":6:{s:18:\"executeImmediately\";b:1;s:10:\"workflowId\";i:9;s:7:\"summary\";s:67:\"Notify Record Owner on Ticket Change, which is not done from Portal\";s:6:\"active\";b:1;s:10:\"methodName\";s:25:\"NotifyOwnerOnTicketChange\";s:2:\"id\";i:9;}'),
(10,9,'Notify Related Customer on Ticket Change, which is not done from Portal','O:18:\"VTEntityMethodTask\":6:{s:18:\"executeImmediately\";b:1;s:10:\"workflowId\";i:9;s:7:\"summary\";s:71:\"Notify Related Customer on Ticket Change, which is not done from Portal\";s:6:\"active\";b:1;s:10:\"methodName\";s:26:\"NotifyParentOnTicketChange\";s:2:\"id\";i:10;}'),
(11,10,'Send Notification Email to Record Owner','O:11:\"VTEmailTask\":8:{s:18:\"executeImmediately\";b:0;s:10:\"workflowId\";i:10;s:7:\"summary\";s:39:\"Send Notification Email to Record Owner\";s:6:\"active\";b:1;s:9:\"recepient\";s:36:\"$(assigned_user_id : (Users) email1)\";s:7:\"subject\";s:17:\"Event :  $subject\";s:7:\"content\";s:817:\"$(assigned_user_id : (Users) first_name) $(assigned_user_id : (Users) last_name) ,<br/><b>Activity Notification Details:</b><br/>Subject             : $subject<br/>Start date and time : $date_start  $time_start ( $(general : (__VtigerMeta__) dbtimezone) ) <br/>End date and time   : $due_date  $time_end ( $(general : (__VtigerMeta__) dbtimezone) ) <br/>Status              : $eventstatus <br/>Priority            : $taskpriority <br/>Related To          : $(parent_id : (Leads) lastname) $(parent_id : (Leads) firstname) $(parent_id : (Accounts) accountname) $(parent_id : (Potentials) potentialname) $(parent_id : (HelpDesk) ticket_title) <br/>Contacts List       : $(contact_id : (Contacts) lastname) $(contact_id : (Contacts) firstname) <br/>Location            : $location <br/>Description         : $description\";s:2:\"id\";i:11;}'),
(12,11,'Send Notification Email to Record Owner','O:11:\"VTEmailTask\":8:{s:18:\"executeImmediately\";b:0;s:10:\"workflowId\";i:11;s:7:\"summary\";s:39:\"Send Notification Email to Record Owner\";s:6:\"active\";b:1;s:9:\"recepient\";s:36:\"$(assigned_user_id : (Users) email1)\";s:7:\"subject\";s:16:\"Task :  $subject\";s:7:\"content\";s:797:\"$(assigned_user_id : (Users) first_name) $(assigned_user_id : (Users) last_name) ,<br/><b>Task Notification Details:</b><br/>Subject : $subject<br/>Start date and time : $date_start  $time_start ( $(general : (__VtigerMeta__) dbtimezone) ) <br/>End date and time   : $due_date ( $(general : (__VtigerMeta__) dbtimezone) ) <br/>Status              : $taskstatus <br/>Priority            : $taskpriority <br/>Related To          : $(parent_id : (Leads) lastname) $(parent_id : (Leads) firstname) $(parent_id : (Accounts) accountname) $(parent_id         : (Potentials) potentialname) $(parent_id : (HelpDesk) ticket_title) <br/>Contacts List       : $(contact_id : (Contacts) lastname) $(contact_id : (Contacts) firstname) <br/>Location            : $location <br/>Description         : $description\";s:2:\"id\";i:12;}');
INSERT INTO `com_vtiger_workflowtasks_entitymethod` VALUES
(1,'SalesOrder','UpdateInventory','include/InventoryHandler.php','handleInventoryProductRel'),
(2,'Invoice','UpdateInventory','include/InventoryHandler.php','handleInventoryProductRel'),
(3,'Contacts','SendPortalLoginDetails','modules/Contacts/ContactsHandler.php','Contacts_sendCustomerPortalLoginDetails'),
(4,'HelpDesk','NotifyOnPortalTicketCreation','modules/HelpDesk/HelpDeskHandler.php','HelpDesk_nofifyOnPortalTicketCreation'),
(5,'HelpDesk','NotifyOnPortalTicketComment','modules/HelpDesk/HelpDeskHandler.php','HelpDesk_notifyOnPortalTicketComment'),
(6,'HelpDesk','NotifyOwnerOnTicketChange','modules/HelpDesk/HelpDeskHandler.php','HelpDesk_notifyOwnerOnTicketChange'),
(7,'HelpDesk','NotifyParentOnTicketChange','modules/HelpDesk/HelpDeskHandler.php','HelpDesk_notifyParentOnTicketChange');
INSERT INTO `com_vtiger_workflowtasks_entitymethod_seq` VALUES
(7);
INSERT INTO `com_vtiger_workflowtasks_seq` VALUES
(12);
INSERT INTO `vtiger_cron_task` VALUES
(1,'Workflow','cron/modules/com_vtiger_workflow/com_vtiger_workflow.service',900,NULL,NULL,1,'com_vtiger_workflow',1,'Recommended frequency for Workflow is 15 mins'),
(2,'RecurringInvoice','cron/modules/SalesOrder/RecurringInvoice.service',43200,NULL,NULL,1,'SalesOrder',2,'Recommended frequency for RecurringInvoice is 12 hours'),
(3,'SendReminder','cron/SendReminder.service',900,NULL,NULL,1,'Calendar',3,'Recommended frequency for SendReminder is 15 mins'),
(4,'ScheduleReports','cron/modules/Reports/ScheduleReports.service',900,NULL,NULL,1,'Reports',4,'Recommended frequency for ScheduleReports is 15 mins'),
(5,'MailScanner','cron/MailScanner.service',900,NULL,NULL,1,'Settings',5,'Recommended frequency for MailScanner is 15 mins'),
(6,'Scheduled Import','cron/modules/Import/ScheduledImport.service',900,NULL,NULL,1,'Import',6,'');
INSERT INTO `vtiger_eventhandler_module` VALUES
(1,'ModTracker','ModTrackerHandler'),
(2,'ServiceContracts','ServiceContractsHandler'),
(3,'FieldFormulas','VTFieldFormulasEventHandler');
INSERT INTO `vtiger_eventhandler_module_seq` VALUES
(3);
INSERT INTO `vtiger_eventhandlers` VALUES
(1,'vtiger.entity.aftersave','modules/SalesOrder/RecurringInvoiceHandler.php','RecurringInvoiceHandler','',1,'[]'),
(2,'vtiger.entity.beforesave','data/VTEntityDelta.php','VTEntityDelta','',1,'[]'),
(3,'vtiger.entity.aftersave','data/VTEntityDelta.php','VTEntityDelta','',1,'[]'),
(4,'vtiger.entity.aftersave','modules/com_vtiger_workflow/VTEventHandler.inc','VTWorkflowEventHandler','',1,'[\"VTEntityDelta\"]'),
(5,'vtiger.entity.afterrestore','modules/com_vtiger_workflow/VTEventHandler.inc','VTWorkflowEventHandler','',1,'[]'),
(6,'vtiger.entity.aftersave.final','modules/HelpDesk/HelpDeskHandler.php','HelpDeskHandler','',1,'[]'),
(7,'vtiger.entity.aftersave.final','modules/ModTracker/ModTrackerHandler.php','ModTrackerHandler','',1,'[]'),
(8,'vtiger.entity.beforedelete','modules/ModTracker/ModTrackerHandler.php','ModTrackerHandler','',1,'[]'),
(9,'vtiger.entity.beforesave','modules/ServiceContracts/ServiceContractsHandler.php','ServiceContractsHandler','',1,'[]'),
(10,'vtiger.entity.aftersave','modules/ServiceContracts/ServiceContractsHandler.php','ServiceContractsHandler','',1,'[]'),
(11,'vtiger.entity.aftersave','modules/WSAPP/WorkFlowHandlers/WSAPPAssignToTracker.php','WSAPPAssignToTracker','',1,'[\"VTEntityDelta\"]'),
(12,'vtiger.entity.beforesave.modifiable','modules/FieldFormulas/VTFieldFormulasEventHandler.inc','VTFieldFormulasEventHandler','',1,'[]');
INSERT INTO `vtiger_eventhandlers_seq` VALUES
(12);
