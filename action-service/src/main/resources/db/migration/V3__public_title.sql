-- What customers read as the action's name. A new action is named after the first sentence of the feedback
-- that opened it: fine for staff, but another customer's words must never reach other contributors or the
-- public board. Until staff write a public title, customers read a neutral one made from the topic.
alter table action add column public_title text;
