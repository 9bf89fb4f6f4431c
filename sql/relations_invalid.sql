--
-- relations() meets bad input: a clear error or a documented result
--
SELECT count(*) FROM entente.relations(NULL);
SELECT count(*) FROM entente.relations('');
SELECT count(*) FROM entente.relations('   ', 'en');
SELECT count(*) FROM entente.relations('1234 5678 -- !!! ???', 'en');
-- an unknown or malformed language code
SELECT count(*) FROM entente.relations('Russia and Pakistan signed an agreement.', 'xx');
SELECT count(*) FROM entente.relations('Russia and Pakistan signed an agreement.', 'english');
SELECT count(*) FROM entente.relations('Russia and Pakistan signed an agreement.', '');
-- language detected
SELECT source_country, kind, target_country FROM entente.relations('Rosja i Pakistan podpisały porozumienie o współpracy.');
-- dates far in the past and future
SELECT event_date FROM entente.relations('Russia and Pakistan signed an agreement last year.', 'en', '0001-06-01');
SELECT event_date FROM entente.relations('Russia and Pakistan signed an agreement last year.', 'en', '9999-06-01');
SELECT event_date FROM entente.relations('Russia and Pakistan signed an agreement.', 'en', 'infinity');
-- pathological repetition: 10^5 sentences with a relation each
SELECT count(*), count(DISTINCT sentence) FROM entente.relations(repeat('Russia and Pakistan signed an agreement. ', 100000), 'en');
-- one sentence with 20000 actors and triggers and no full stop
SELECT count(*) <= 20000 AS bounded FROM entente.relations(repeat('Russia signed with Pakistan and ', 20000), 'en');
-- mixed scripts, odd Unicode: combining marks, zero-width joiners, RTL marks
SELECT source_country, kind, target_country FROM entente.relations(E'Nga\u200d và Pakistan\u200f đã ký kết thỏa thuận.', 'vi');
SELECT count(*) FROM entente.relations(E'\u0301\u0301\u0301 \uFEFF\u200B Россия и Pakistan signed', 'en');
-- 10 MB of text without a full stop or a newline
SELECT count(*) FROM entente.relations(repeat('slowo ', 1700000), 'pl');
