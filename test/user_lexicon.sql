-- entente.user_lexicon: a change made in one session is seen by another
-- session at once, without reconnecting (through dblink, two real sessions).
\ir include/preamble.psql
SELECT plan(6);

CREATE EXTENSION IF NOT EXISTS dblink;
SELECT dblink_connect('reader', format('host=%s port=%s dbname=%s user=%s',
    split_part(current_setting('unix_socket_directories'), ',', 1),
    current_setting('port'), current_database(), current_user));
SELECT dblink_connect('writer', format('host=%s port=%s dbname=%s user=%s',
    split_part(current_setting('unix_socket_directories'), ',', 1),
    current_setting('port'), current_database(), current_user));

CREATE FUNCTION pg_temp.reader_sees() RETURNS bigint LANGUAGE sql AS $$
    SELECT n FROM dblink('reader',
        $q$SELECT count(*) FROM entente.entities('Talks were held in Qwertyville and Qwertyville again.', 'en')
           WHERE kind = 'PLACE' AND entity_id = 'Qwertyville'$q$) AS t(n bigint)
$$;

SELECT is(pg_temp.reader_sees(), 0::bigint, 'the reader session does not know Qwertyville yet');
SELECT is(dblink_exec('writer', $$INSERT INTO entente.user_lexicon (kind, entity_id, alias, lang, country, note)
                                VALUES ('PLACE', 'Qwertyville', 'Qwertyville', 'en', 'GB', 'test entry')$$),
          'INSERT 0 1', 'another session adds it');
SELECT is(pg_temp.reader_sees(), 2::bigint, 'the reader sees it at once, without reconnecting');
SELECT is(dblink_exec('writer', $$UPDATE entente.user_lexicon SET alias = 'Qwertyburg' WHERE entity_id = 'Qwertyville'$$),
          'UPDATE 1', 'another session renames it');
SELECT is(pg_temp.reader_sees(), 0::bigint, 'the reader sees the update');
SELECT is(dblink_exec('writer', $$DELETE FROM entente.user_lexicon WHERE entity_id = 'Qwertyville'$$),
          'DELETE 1', 'the entry is removed');

SELECT dblink_disconnect('reader');
SELECT dblink_disconnect('writer');
SELECT * FROM finish();
