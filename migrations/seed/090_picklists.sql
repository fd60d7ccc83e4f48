-- Rows of a fresh vtiger 5.4.0 install: picklists.
-- Applied once, and only to a database that had no vtiger metadata yet.
INSERT INTO `vtiger_accounttype` VALUES
(1,'--None--',1,1),
(2,'Analyst',1,2),
(3,'Competitor',1,3),
(4,'Customer',1,4),
(5,'Integrator',1,5),
(6,'Investor',1,6),
(7,'Partner',1,7),
(8,'Press',1,8),
(9,'Prospect',1,9),
(10,'Reseller',1,10),
(11,'Other',1,11);
INSERT INTO `vtiger_accounttype_seq` VALUES
(11);
INSERT INTO `vtiger_activity_view` VALUES
(1,'Today',0,1),
(2,'This Week',1,1),
(3,'This Month',2,1),
(4,'This Year',3,1);
INSERT INTO `vtiger_activity_view_seq` VALUES
(4);
INSERT INTO `vtiger_activitytype` VALUES
(1,'Call',0,12),
(2,'Meeting',0,13);
INSERT INTO `vtiger_activitytype_seq` VALUES
(2);
INSERT INTO `vtiger_assetstatus` VALUES
(1,'In Service',1,235),
(2,'Out-of-service',1,236);
INSERT INTO `vtiger_assetstatus_seq` VALUES
(2);
INSERT INTO `vtiger_campaignrelstatus` VALUES
(1,'--None--',0,1),
(2,'Contacted - Successful',1,1),
(3,'Contacted - Unsuccessful',2,1),
(4,'Contacted - Never Contact Again',3,1);
INSERT INTO `vtiger_campaignrelstatus_seq` VALUES
(4);
INSERT INTO `vtiger_campaignstatus` VALUES
(1,'--None--',1,14),
(2,'Planning',1,15),
(3,'Active',1,16),
(4,'Inactive',1,17),
(5,'Completed',1,18),
(6,'Cancelled',1,19);
INSERT INTO `vtiger_campaignstatus_seq` VALUES
(6);
INSERT INTO `vtiger_campaigntype` VALUES
(1,'--None--',1,20),
(2,'Conference',1,21),
(3,'Webinar',1,22),
(4,'Trade Show',1,23),
(5,'Public Relations',1,24),
(6,'Partners',1,25),
(7,'Referral Program',1,26),
(8,'Advertisement',1,27),
(9,'Banner Ads',1,28),
(10,'Direct Mail',1,29),
(11,'Email',1,30),
(12,'Telemarketing',1,31),
(13,'Others',1,32);
INSERT INTO `vtiger_campaigntype_seq` VALUES
(13);
INSERT INTO `vtiger_carrier` VALUES
(1,'FedEx',1,33),
(2,'UPS',1,34),
(3,'USPS',1,35),
(4,'DHL',1,36),
(5,'BlueDart',1,37);
INSERT INTO `vtiger_carrier_seq` VALUES
(5);
INSERT INTO `vtiger_contract_priority` VALUES
(1,'Low',1,220),
(2,'Normal',1,221),
(3,'High',1,222);
INSERT INTO `vtiger_contract_priority_seq` VALUES
(3);
INSERT INTO `vtiger_contract_status` VALUES
(1,'Undefined',1,214),
(2,'In Planning',1,215),
(3,'In Progress',1,216),
(4,'On Hold',1,217),
(5,'Complete',0,218),
(6,'Archived',1,219);
INSERT INTO `vtiger_contract_status_seq` VALUES
(6);
INSERT INTO `vtiger_contract_type` VALUES
(1,'Support',1,223),
(2,'Services',1,224),
(3,'Administrative',1,225);
INSERT INTO `vtiger_contract_type_seq` VALUES
(3);
INSERT INTO `vtiger_currency_decimal_separator` VALUES
(1,'.',0,1),
(2,',',1,1),
(3,'\'',2,1),
(4,' ',3,1),
(5,'$',4,1);
INSERT INTO `vtiger_currency_decimal_separator_seq` VALUES
(5);
INSERT INTO `vtiger_currency_grouping_pattern` VALUES
(1,'123,456,789',0,1),
(2,'123456789',1,1),
(3,'123456,789',2,1),
(4,'12,34,56,789',3,1);
INSERT INTO `vtiger_currency_grouping_pattern_seq` VALUES
(4);
INSERT INTO `vtiger_currency_grouping_separator` VALUES
(1,'.',0,1),
(2,',',1,1),
(3,'\'',2,1),
(4,' ',3,1),
(5,'$',4,1);
INSERT INTO `vtiger_currency_grouping_separator_seq` VALUES
(5);
INSERT INTO `vtiger_currency_symbol_placement` VALUES
(1,'$1.0',0,1),
(2,'1.0$',1,1);
INSERT INTO `vtiger_currency_symbol_placement_seq` VALUES
(2);
INSERT INTO `vtiger_date_format` VALUES
(1,'dd-mm-yyyy',0,1),
(2,'mm-dd-yyyy',1,1),
(3,'yyyy-mm-dd',2,1);
INSERT INTO `vtiger_date_format_seq` VALUES
(3);
INSERT INTO `vtiger_duration_minutes` VALUES
(1,'00',0,1),
(2,'15',1,1),
(3,'30',2,1),
(4,'45',3,1);
INSERT INTO `vtiger_duration_minutes_seq` VALUES
(4);
INSERT INTO `vtiger_eventstatus` VALUES
(1,'Planned',0,38),
(2,'Held',0,39),
(3,'Not Held',0,40);
INSERT INTO `vtiger_eventstatus_seq` VALUES
(3);
INSERT INTO `vtiger_expectedresponse` VALUES
(1,'--None--',1,41),
(2,'Excellent',1,42),
(3,'Good',1,43),
(4,'Average',1,44),
(5,'Poor',1,45);
INSERT INTO `vtiger_expectedresponse_seq` VALUES
(5);
INSERT INTO `vtiger_faqcategories` VALUES
(1,'General',1,46);
INSERT INTO `vtiger_faqcategories_seq` VALUES
(1);
INSERT INTO `vtiger_faqstatus` VALUES
(1,'Draft',0,47),
(2,'Reviewed',0,48),
(3,'Published',0,49),
(4,'Obsolete',0,50);
INSERT INTO `vtiger_faqstatus_seq` VALUES
(4);
INSERT INTO `vtiger_glacct` VALUES
(1,'300-Sales-Software',1,51),
(2,'301-Sales-Hardware',1,52),
(3,'302-Rental-Income',1,53),
(4,'303-Interest-Income',1,54),
(5,'304-Sales-Software-Support',1,55),
(6,'305-Sales Other',1,56),
(7,'306-Internet Sales',1,57),
(8,'307-Service-Hardware Labor',1,58),
(9,'308-Sales-Books',1,59);
INSERT INTO `vtiger_glacct_seq` VALUES
(9);
INSERT INTO `vtiger_industry` VALUES
(1,'--None--',1,60),
(2,'Apparel',1,61),
(3,'Banking',1,62),
(4,'Biotechnology',1,63),
(5,'Chemicals',1,64),
(6,'Communications',1,65),
(7,'Construction',1,66),
(8,'Consulting',1,67),
(9,'Education',1,68),
(10,'Electronics',1,69),
(11,'Energy',1,70),
(12,'Engineering',1,71),
(13,'Entertainment',1,72),
(14,'Environmental',1,73),
(15,'Finance',1,74),
(16,'Food & Beverage',1,75),
(17,'Government',1,76),
(18,'Healthcare',1,77),
(19,'Hospitality',1,78),
(20,'Insurance',1,79),
(21,'Machinery',1,80),
(22,'Manufacturing',1,81),
(23,'Media',1,82),
(24,'Not For Profit',1,83),
(25,'Recreation',1,84),
(26,'Retail',1,85),
(27,'Shipping',1,86),
(28,'Technology',1,87),
(29,'Telecommunications',1,88),
(30,'Transportation',1,89),
(31,'Utilities',1,90),
(32,'Other',1,91);
INSERT INTO `vtiger_industry_seq` VALUES
(32);
INSERT INTO `vtiger_invoicestatus` VALUES
(1,'AutoCreated',0,92),
(2,'Created',0,93),
(3,'Approved',0,94),
(4,'Sent',0,95),
(5,'Credit Invoice',0,96),
(6,'Paid',0,97);
INSERT INTO `vtiger_invoicestatus_seq` VALUES
(6);
INSERT INTO `vtiger_lead_view` VALUES
(1,'Today',0,1),
(2,'Last 2 Days',1,1),
(3,'Last Week',2,1);
INSERT INTO `vtiger_lead_view_seq` VALUES
(3);
INSERT INTO `vtiger_leadsource` VALUES
(1,'--None--',1,98),
(2,'Cold Call',1,99),
(3,'Existing Customer',1,100),
(4,'Self Generated',1,101),
(5,'Employee',1,102),
(6,'Partner',1,103),
(7,'Public Relations',1,104),
(8,'Direct Mail',1,105),
(9,'Conference',1,106),
(10,'Trade Show',1,107),
(11,'Web Site',1,108),
(12,'Word of mouth',1,109),
(13,'Other',1,110);
INSERT INTO `vtiger_leadsource_seq` VALUES
(13);
INSERT INTO `vtiger_leadstatus` VALUES
(1,'--None--',1,111),
(2,'Attempted to Contact',1,112),
(3,'Cold',1,113),
(4,'Contact in Future',1,114),
(5,'Contacted',1,115),
(6,'Hot',1,116),
(7,'Junk Lead',1,117),
(8,'Lost Lead',1,118),
(9,'Not Contacted',1,119),
(10,'Pre Qualified',1,120),
(11,'Qualified',1,121),
(12,'Warm',1,122);
INSERT INTO `vtiger_leadstatus_seq` VALUES
(12);
INSERT INTO `vtiger_manufacturer` VALUES
(1,'--None--',1,123),
(2,'AltvetPet Inc.',1,124),
(3,'LexPon Inc.',1,125),
(4,'MetBeat Corp',1,126);
INSERT INTO `vtiger_manufacturer_seq` VALUES
(4);
INSERT INTO `vtiger_opportunity_type` VALUES
(1,'--None--',1,127),
(2,'Existing Business',1,128),
(3,'New Business',1,129);
INSERT INTO `vtiger_opportunity_type_seq` VALUES
(3);
INSERT INTO `vtiger_payment_duration` VALUES
(1,'Net 30 days',0,1),
(2,'Net 45 days',1,1),
(3,'Net 60 days',2,1);
INSERT INTO `vtiger_payment_duration_seq` VALUES
(3);
INSERT INTO `vtiger_postatus` VALUES
(1,'Created',0,130),
(2,'Approved',0,131),
(3,'Delivered',0,132),
(4,'Cancelled',0,133),
(5,'Received Shipment',0,134);
INSERT INTO `vtiger_postatus_seq` VALUES
(5);
INSERT INTO `vtiger_productcategory` VALUES
(1,'--None--',1,135),
(2,'Hardware',1,136),
(3,'Software',1,137),
(4,'CRM Applications',1,138);
INSERT INTO `vtiger_productcategory_seq` VALUES
(4);
INSERT INTO `vtiger_progress` VALUES
(1,'--none--',1,277),
(2,'10%',1,278),
(3,'20%',1,279),
(4,'30%',1,280),
(5,'40%',1,281),
(6,'50%',1,282),
(7,'60%',1,283),
(8,'70%',1,284),
(9,'80%',1,285),
(10,'90%',1,286),
(11,'100%',1,287);
INSERT INTO `vtiger_progress_seq` VALUES
(11);
INSERT INTO `vtiger_projectmilestonetype` VALUES
(1,'--none--',1,237),
(2,'administrative',1,238),
(3,'operative',1,239),
(4,'other',1,240);
INSERT INTO `vtiger_projectmilestonetype_seq` VALUES
(4);
INSERT INTO `vtiger_projectpriority` VALUES
(1,'--none--',1,273),
(2,'low',1,274),
(3,'normal',1,275),
(4,'high',1,276);
INSERT INTO `vtiger_projectpriority_seq` VALUES
(4);
INSERT INTO `vtiger_projectstatus` VALUES
(1,'--none--',1,260),
(2,'prospecting',1,261),
(3,'initiated',1,262),
(4,'in progress',1,263),
(5,'waiting for feedback',1,264),
(6,'on hold',1,265),
(7,'completed',1,266),
(8,'delivered',1,267),
(9,'archived',1,268);
INSERT INTO `vtiger_projectstatus_seq` VALUES
(9);
INSERT INTO `vtiger_projecttaskpriority` VALUES
(1,'--none--',1,245),
(2,'low',1,246),
(3,'normal',1,247),
(4,'high',1,248);
INSERT INTO `vtiger_projecttaskpriority_seq` VALUES
(4);
INSERT INTO `vtiger_projecttaskprogress` VALUES
(1,'--none--',1,249),
(2,'10%',1,250),
(3,'20%',1,251),
(4,'30%',1,252),
(5,'40%',1,253),
(6,'50%',1,254),
(7,'60%',1,255),
(8,'70%',1,256),
(9,'80%',1,257),
(10,'90%',1,258),
(11,'100%',1,259);
INSERT INTO `vtiger_projecttaskprogress_seq` VALUES
(11);
INSERT INTO `vtiger_projecttasktype` VALUES
(1,'--none--',1,241),
(2,'administrative',1,242),
(3,'operative',1,243),
(4,'other',1,244);
INSERT INTO `vtiger_projecttasktype_seq` VALUES
(4);
INSERT INTO `vtiger_projecttype` VALUES
(1,'--none--',1,269),
(2,'administrative',1,270),
(3,'operative',1,271),
(4,'other',1,272);
INSERT INTO `vtiger_projecttype_seq` VALUES
(4);
INSERT INTO `vtiger_quotestage` VALUES
(1,'Created',0,139),
(2,'Delivered',0,140),
(3,'Reviewed',0,141),
(4,'Accepted',0,142),
(5,'Rejected',0,143);
INSERT INTO `vtiger_quotestage_seq` VALUES
(5);
INSERT INTO `vtiger_rating` VALUES
(1,'--None--',1,144),
(2,'Acquired',1,145),
(3,'Active',1,146),
(4,'Market Failed',1,147),
(5,'Project Cancelled',1,148),
(6,'Shutdown',1,149);
INSERT INTO `vtiger_rating_seq` VALUES
(6);
INSERT INTO `vtiger_recurring_frequency` VALUES
(1,'--None--',0,1),
(2,'Daily',1,1),
(3,'Weekly',2,1),
(4,'Monthly',3,1),
(5,'Quarterly',4,1),
(6,'Yearly',5,1);
INSERT INTO `vtiger_recurring_frequency_seq` VALUES
(6);
INSERT INTO `vtiger_recurringtype` VALUES
(1,'--None--',0,1),
(2,'Daily',1,1),
(3,'Weekly',2,1),
(4,'Monthly',3,1),
(5,'Yearly',4,1);
INSERT INTO `vtiger_recurringtype_seq` VALUES
(5);
INSERT INTO `vtiger_reminder_interval` VALUES
(1,'None',0,1),
(2,'1 Minute',1,1),
(3,'5 Minutes',2,1),
(4,'15 Minutes',3,1),
(5,'30 Minutes',4,1),
(6,'45 Minutes',5,1),
(7,'1 Hour',6,1),
(8,'1 Day',7,1);
INSERT INTO `vtiger_reminder_interval_seq` VALUES
(8);
INSERT INTO `vtiger_sales_stage` VALUES
(1,'Prospecting',1,150),
(2,'Qualification',1,151),
(3,'Needs Analysis',1,152),
(4,'Value Proposition',1,153),
(5,'Id. Decision Makers',1,154),
(6,'Perception Analysis',1,155),
(7,'Proposal/Price Quote',1,156),
(8,'Negotiation/Review',1,157),
(9,'Closed Won',0,158),
(10,'Closed Lost',0,159);
INSERT INTO `vtiger_sales_stage_seq` VALUES
(10);
INSERT INTO `vtiger_salutationtype` VALUES
(1,'--None--',1,160),
(2,'Mr.',1,161),
(3,'Ms.',1,162),
(4,'Mrs.',1,163),
(5,'Dr.',1,164),
(6,'Prof.',1,165);
INSERT INTO `vtiger_salutationtype_seq` VALUES
(6);
INSERT INTO `vtiger_service_usageunit` VALUES
(1,'Hours',1,226),
(2,'Days',1,227),
(3,'Incidents',1,228);
INSERT INTO `vtiger_service_usageunit_seq` VALUES
(3);
INSERT INTO `vtiger_servicecategory` VALUES
(1,'--None--',1,229),
(2,'Support',1,230),
(3,'Installation',1,231),
(4,'Migration',1,232),
(5,'Customization',1,233),
(6,'Training',1,234);
INSERT INTO `vtiger_servicecategory_seq` VALUES
(6);
INSERT INTO `vtiger_sostatus` VALUES
(1,'Created',0,166),
(2,'Approved',0,167),
(3,'Delivered',0,168),
(4,'Cancelled',0,169);
INSERT INTO `vtiger_sostatus_seq` VALUES
(4);
INSERT INTO `vtiger_status` VALUES
(1,'Active',0,1),
(2,'Inactive',1,1);
INSERT INTO `vtiger_status_seq` VALUES
(2);
INSERT INTO `vtiger_taskpriority` VALUES
(1,'High',1,170),
(2,'Medium',1,171),
(3,'Low',1,172);
INSERT INTO `vtiger_taskpriority_seq` VALUES
(3);
INSERT INTO `vtiger_taskstatus` VALUES
(1,'Not Started',0,173),
(2,'In Progress',0,174),
(3,'Completed',0,175),
(4,'Pending Input',0,176),
(5,'Deferred',0,177),
(6,'Planned',0,178);
INSERT INTO `vtiger_taskstatus_seq` VALUES
(6);
INSERT INTO `vtiger_taxclass` VALUES
(1,'SalesTax',0,1),
(2,'Vat',1,1);
INSERT INTO `vtiger_taxclass_seq` VALUES
(2);
INSERT INTO `vtiger_ticketcategories` VALUES
(1,'Big Problem',1,179),
(2,'Small Problem',1,180),
(3,'Other Problem',1,181);
INSERT INTO `vtiger_ticketcategories_seq` VALUES
(3);
INSERT INTO `vtiger_ticketpriorities` VALUES
(1,'Low',1,182),
(2,'Normal',1,183),
(3,'High',1,184),
(4,'Urgent',1,185);
INSERT INTO `vtiger_ticketpriorities_seq` VALUES
(4);
INSERT INTO `vtiger_ticketseverities` VALUES
(1,'Minor',1,186),
(2,'Major',1,187),
(3,'Feature',1,188),
(4,'Critical',1,189);
INSERT INTO `vtiger_ticketseverities_seq` VALUES
(4);
INSERT INTO `vtiger_ticketstatus` VALUES
(1,'Open',0,190),
(2,'In Progress',0,191),
(3,'Wait For Response',0,192),
(4,'Closed',0,193);
INSERT INTO `vtiger_ticketstatus_seq` VALUES
(4);
INSERT INTO `vtiger_time_zone` VALUES
(1,'Pacific/Midway',0,1),
(2,'Pacific/Samoa',1,1),
(3,'Pacific/Honolulu',2,1),
(4,'America/Anchorage',3,1),
(5,'America/Los_Angeles',4,1),
(6,'America/Tijuana',5,1),
(7,'America/Denver',6,1),
(8,'America/Chihuahua',7,1),
(9,'America/Mazatlan',8,1),
(10,'America/Phoenix',9,1),
(11,'America/Regina',10,1),
(12,'America/Tegucigalpa',11,1),
(13,'America/Chicago',12,1),
(14,'America/Mexico_City',13,1),
(15,'America/Monterrey',14,1),
(16,'America/New_York',15,1),
(17,'America/Bogota',16,1),
(18,'America/Lima',17,1),
(19,'America/Rio_Branco',18,1),
(20,'America/Indiana/Indianapolis',19,1),
(21,'America/Caracas',20,1),
(22,'America/Halifax',21,1),
(23,'America/Manaus',22,1),
(24,'America/Santiago',23,1),
(25,'America/La_Paz',24,1),
(26,'America/Cuiaba',25,1),
(27,'America/Asuncion',26,1),
(28,'America/St_Johns',27,1),
(29,'America/Argentina/Buenos_Aires',28,1),
(30,'America/Sao_Paulo',29,1),
(31,'America/Godthab',30,1),
(32,'America/Montevideo',31,1),
(33,'Atlantic/South_Georgia',32,1),
(34,'Atlantic/Azores',33,1),
(35,'Atlantic/Cape_Verde',34,1),
(36,'Europe/London',35,1),
(37,'UTC',36,1),
(38,'Africa/Monrovia',37,1),
(39,'Africa/Casablanca',38,1),
(40,'Europe/Belgrade',39,1),
(41,'Europe/Sarajevo',40,1),
(42,'Europe/Brussels',41,1),
(43,'Africa/Algiers',42,1),
(44,'Europe/Amsterdam',43,1),
(45,'Europe/Minsk',44,1),
(46,'Africa/Cairo',45,1),
(47,'Europe/Helsinki',46,1),
(48,'Europe/Athens',47,1),
(49,'Europe/Istanbul',48,1),
(50,'Asia/Jerusalem',49,1),
(51,'Asia/Amman',50,1),
(52,'Asia/Beirut',51,1),
(53,'Africa/Windhoek',52,1),
(54,'Africa/Harare',53,1),
(55,'Asia/Kuwait',54,1),
(56,'Asia/Baghdad',55,1),
(57,'Africa/Nairobi',56,1),
(58,'Asia/Tehran',57,1),
(59,'Asia/Tbilisi',58,1),
(60,'Europe/Moscow',59,1),
(61,'Asia/Muscat',60,1),
(62,'Asia/Baku',61,1),
(63,'Asia/Yerevan',62,1),
(64,'Asia/Karachi',63,1),
(65,'Asia/Tashkent',64,1),
(66,'Asia/Kolkata',65,1),
(67,'Asia/Colombo',66,1),
(68,'Asia/Katmandu',67,1),
(69,'Asia/Dhaka',68,1),
(70,'Asia/Almaty',69,1),
(71,'Asia/Yekaterinburg',70,1),
(72,'Asia/Rangoon',71,1),
(73,'Asia/Novosibirsk',72,1),
(74,'Asia/Bangkok',73,1),
(75,'Asia/Brunei',74,1),
(76,'Asia/Krasnoyarsk',75,1),
(77,'Asia/Ulaanbaatar',76,1),
(78,'Asia/Kuala_Lumpur',77,1),
(79,'Asia/Taipei',78,1),
(80,'Australia/Perth',79,1),
(81,'Asia/Irkutsk',80,1),
(82,'Asia/Seoul',81,1),
(83,'Asia/Tokyo',82,1),
(84,'Australia/Darwin',83,1),
(85,'Australia/Adelaide',84,1),
(86,'Australia/Canberra',85,1),
(87,'Australia/Brisbane',86,1),
(88,'Australia/Hobart',87,1),
(89,'Asia/Vladivostok',88,1),
(90,'Pacific/Guam',89,1),
(91,'Asia/Yakutsk',90,1),
(92,'Pacific/Fiji',91,1),
(93,'Asia/Kamchatka',92,1),
(94,'Pacific/Auckland',93,1),
(95,'Asia/Magadan',94,1),
(96,'Pacific/Tongatapu',95,1);
INSERT INTO `vtiger_time_zone_seq` VALUES
(96);
INSERT INTO `vtiger_tracking_unit` VALUES
(1,'None',1,210),
(2,'Hours',1,211),
(3,'Days',1,212),
(4,'Incidents',1,213);
INSERT INTO `vtiger_tracking_unit_seq` VALUES
(4);
INSERT INTO `vtiger_usageunit` VALUES
(1,'Box',1,194),
(2,'Carton',1,195),
(3,'Dozen',1,196),
(4,'Each',1,197),
(5,'Hours',1,198),
(6,'Impressions',1,199),
(7,'Lb',1,200),
(8,'M',1,201),
(9,'Pack',1,202),
(10,'Pages',1,203),
(11,'Pieces',1,204),
(12,'Quantity',1,205),
(13,'Reams',1,206),
(14,'Sheet',1,207),
(15,'Spiral Binder',1,208),
(16,'Sq Ft',1,209);
INSERT INTO `vtiger_usageunit_seq` VALUES
(16);
INSERT INTO `vtiger_visibility` VALUES
(1,'Private',0,1),
(2,'Public',1,1);
INSERT INTO `vtiger_visibility_seq` VALUES
(2);
