-- Ratings week by week read only the rated items of the period.
create index feedback_rated on feedback (rating_scale, created_at) where rating_scale is not null;
