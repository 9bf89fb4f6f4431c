--
-- entente needs a UTF-8 database: CREATE EXTENSION elsewhere fails clearly
--
SET client_min_messages = warning;
DROP DATABASE IF EXISTS entente_latin1;
CREATE DATABASE entente_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c entente_latin1
\set VERBOSITY default
CREATE EXTENSION entente;
SELECT count(*) AS objects FROM pg_extension WHERE extname = 'entente';
\c contrib_regression
DROP DATABASE entente_latin1;
