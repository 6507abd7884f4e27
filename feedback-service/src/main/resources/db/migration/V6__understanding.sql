-- Understanding: the sentence model's reading of each item, the taxonomy it reads against, and re-analysis.

-- What the model read. Until it has read an item (analysed_at null) the item shows the first answer given with
-- the 201 (keywords and lexicon), and its feedback.received waits: the event carries what the model read.
alter table feedback add column analysed_at timestamptz;
-- An analysis worker holds a pending item until then; another takes it over after a crash.
alter table feedback add column analysis_lease_until timestamptz;
-- POSITIVE, NEGATIVE, NEUTRAL or MIXED (strong feelings both ways in different parts of the text)
alter table feedback add column sentiment_label text;
-- The sentiment of each part of a text of several parts: {"parts": [{"start": 0, "end": 42, "sentiment": 0.81}, ...]}
alter table feedback add column sentiment_parts jsonb;
-- The model's vector of the text (all-MiniLM-L6-v2, 384 dimensions, normalised); the problem vector derives from it.
alter table feedback add column embedding real[];
-- The submission's trace context, continued by the feedback.received that the analysis writes later.
alter table feedback add column traceparent text;

-- Items stored before the model were announced with the first answer: they count as analysed, and the
-- re-analysis below reads them with the model (feedback.updated tells the other services what changed).
update feedback set analysed_at = updated_at;
create index feedback_analysis_pending on feedback (created_at) where analysed_at is null;

-- A topic is defined by meaning: what it covers and a few sentences typical of it; keywords stay the fallback.
alter table topic add column description text check (char_length(description) <= 500);
alter table topic add column examples text[] not null default '{}';

-- Re-reading stored feedback after the taxonomy or the model changed, in the background, one job at a time.
create table reanalysis (
    id               uuid primary key,
    reason           text        not null,
    requested_by     text        not null,
    requested_at     timestamptz not null,
    -- items created up to this moment are re-read (later ones are read with the new taxonomy anyway)
    up_to            timestamptz not null,
    total            bigint      not null,
    done             bigint      not null default 0,
    changed          bigint      not null default 0,
    -- keyset position of the last item read
    after_created_at timestamptz,
    after_id         uuid,
    started_at       timestamptz,
    finished_at      timestamptz,
    -- the replica that works on it, and until when it holds it
    holder           uuid,
    lease_until      timestamptz
);
create index reanalysis_unfinished on reanalysis (requested_at) where finished_at is null;

insert into reanalysis (id, reason, requested_by, requested_at, up_to, total)
select gen_random_uuid(), 'the sentence model reads the feedback stored before it', 'system', now(), now(), count(*)
from feedback having count(*) > 0;

-- The seeded topics' descriptions and examples (the labelled set bench/understanding/data/topic-examples.tsv).
update topic set description = seed.description, examples = seed.examples from (values
    ('billing',
     'Money matters: charges, invoices, refunds, prices, subscriptions and renewals, payment methods, vouchers and discounts.',
     array['I was charged the wrong amount.',
           'My refund hasn''t come through yet.',
           'Please send me an invoice for my order.',
           'My subscription renewed at a higher price.',
           'I can''t pay with my credit card.',
           'The discount code didn''t work.',
           'I want to cancel my subscription and stop the payments.',
           'Why is there an extra fee on my bill?']),
    ('delivery',
     'Shipping and delivery of orders: couriers, parcels, delays, damage in transit, delivery addresses and tracking.',
     array['My parcel is late.',
           'The courier left my package in the wrong place.',
           'My order arrived damaged.',
           'The tracking number doesn''t work.',
           'I need to update the shipping address.',
           'The delivery driver didn''t ring the bell.',
           'My order has not been shipped yet.',
           'When will my package arrive?']),
    ('product',
     'Our app, our website and the goods we sell: quality, defects, features, performance, usability and bugs.',
     array['The app keeps crashing.',
           'The website is very slow.',
           'The product broke after a few days.',
           'Please add a new feature to the app.',
           'The item is of poor quality.',
           'There is a bug on the checkout page.',
           'The product doesn''t match the description.',
           'I can''t find the search filters on the website.']),
    ('support',
     'Customer service: agents, live chat, phone and email contact, waiting times, tickets, replies and how requests were handled.',
     array['I waited too long on the phone.',
           'Nobody answered my email.',
           'The agent was very helpful.',
           'The chat agent was rude.',
           'My ticket is still open after two weeks.',
           'I can''t reach customer service.',
           'Support gave me the wrong information.',
           'I had to explain my problem several times.']),
    ('account',
     'Customer accounts: login, passwords, two-factor authentication, registration, profile details, personal data, locked or closed accounts.',
     array['I can''t log in to my account.',
           'I forgot my password.',
           'I don''t receive the verification code.',
           'How do I delete my account?',
           'My account has been locked.',
           'I want to change my email address.',
           'I can''t create an account.',
           'Please update my personal details.'])
) as seed(name, description, examples) where topic.name = seed.name;
