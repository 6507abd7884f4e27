-- A customer keeps at most 10 verified addresses (CustomerAddresses.MAX_PER_CUSTOMER): those taken most recently.
delete from customer_address where (contributor_id, email) in (
    select contributor_id, email from (
        select contributor_id, email,
               row_number() over (partition by contributor_id order by seen_at desc, email) as rank
        from customer_address) ranked
    where rank > 10);
