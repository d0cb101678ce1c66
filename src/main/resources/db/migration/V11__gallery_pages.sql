-- A company's enrolled faces are read into memory page by page, in id order.
create index person_image_company_page on person_image (company_id, id);
