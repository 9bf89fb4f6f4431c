--
-- bad input for entities and entity_ids
--
\pset format unaligned
SET client_min_messages = warning;
SELECT * FROM entente.entities('Rosja', 'xx');
SELECT * FROM entente.entities('Rosja', 'polish');
SELECT entente.entity_ids('Rosja', 'zz');
SELECT count(*) AS null_body FROM entente.entities(NULL, 'pl');
SELECT count(*) AS empty_body FROM entente.entities('', 'pl');
SELECT count(*) AS blank_body FROM entente.entities(E' \n\t ', NULL);
SELECT kind, count(*) FROM entente.entities('?!… — «» ... 12 345', NULL) GROUP BY 1;
SELECT entente.entity_ids('') AS empty_ids, entente.entity_ids('12 345 !!!') AS no_letters;
-- user lexicon constraints
INSERT INTO entente.user_lexicon (kind, entity_id, alias) VALUES ('PLACE', 'Nowhere', '...');
INSERT INTO entente.user_lexicon (kind, entity_id, alias, country) VALUES ('PLACE', 'Nowhere', 'Nowhere', 'xx');
INSERT INTO entente.user_lexicon (kind, entity_id, alias) VALUES ('MONEY', '5 USD', 'five bucks');
